package dev.wasiplay.polyfill;

/** proc_exit, proc_raise and random_get. */
final class Proc {
    private final WasiState state;

    Proc(WasiState state) {
        this.state = state;
    }

    void exit(int code) {
        state.exitCode = code;
        throw new WasiExit(code);
    }

    /**
     * Like wasmtime, which has no signals to deliver: proc_raise is not supported (NOSYS).
     */
    int raise(int signal) {
        return Errno.NOSYS;
    }

    int randomGet(int buf, int length) {
        Memory mem = state.mem;
        try {
            mem.begin();
            mem.check(buf, length);
            byte[] chunk = mem.scratch(Math.min(length, 65536));
            int chunkSize = Math.min(length, 65536);
            for (int done = 0; done < length; ) {
                int n = Math.min(chunkSize, length - done);
                state.options.random.nextBytes(chunk, 0, n);
                mem.write(buf + done, chunk, 0, n);
                done += n;
            }
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }
}
