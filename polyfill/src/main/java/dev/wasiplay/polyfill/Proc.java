package dev.wasiplay.polyfill;

/** proc_exit, proc_raise and random_get. */
final class Proc {
    private final WasiState state;

    Proc(WasiState state) {
        this.state = state;
    }

    /**
     * Ends the guest with {@code code}. wasmtime refuses codes of 126 and above with a trap; the polyfill
     * passes every code through (a playground should show what the program asked for).
     */
    void exit(int code) {
        state.exitCode = code;
        throw new WasiExit(code);
    }

    /** Like wasmtime, which has no signals to deliver: a valid signal answers NOTSUP. */
    int raise(int signal) {
        int err = Flags.enumeration(signal, 8, Flags.SIGNAL_COUNT);
        return err != Errno.SUCCESS ? err : Errno.NOTSUP;
    }

    int randomGet(int buf, int length) {
        Memory mem = state.mem;
        mem.begin("random_get");
        long total = length & 0xFFFFFFFFL;
        if (total == 0) {
            return Errno.SUCCESS;
        }
        mem.check(buf, total, 1);
        int chunkSize = (int) Math.min(total, 65536);
        byte[] chunk = mem.scratch(chunkSize);
        for (long done = 0; done < total; ) {
            int n = (int) Math.min(chunkSize, total - done);
            state.options.random.nextBytes(chunk, 0, n);
            mem.write(buf + (int) done, chunk, 0, n);
            done += n;
        }
        return Errno.SUCCESS;
    }
}
