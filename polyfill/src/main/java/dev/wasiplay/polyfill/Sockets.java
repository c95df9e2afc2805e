package dev.wasiplay.polyfill;

/**
 * sock_accept, sock_recv, sock_send, sock_shutdown. The guest is given no sockets, so, as wasmtime does
 * for such a module, each checks its flags (OVERFLOW/INVAL), then answers BADF for an fd that is not open
 * and NOTSOCK for one that is. No pointer argument is read.
 */
final class Sockets {
    private final WasiState state;

    Sockets(WasiState state) {
        this.state = state;
    }

    private int notASocket(int fd) {
        return state.fds.get(fd) == null ? Errno.BADF : Errno.NOTSOCK;
    }

    int accept(int fd, int flags, int fdOut) {
        int err = Flags.flags(flags, 16, Flags.FDFLAGS_ALL);
        return err != Errno.SUCCESS ? err : notASocket(fd);
    }

    int recv(int fd, int riData, int riDataLen, int riFlags, int roDataLenOut, int roFlagsOut) {
        int err = Flags.flags(riFlags, 16, Flags.RIFLAGS_ALL);
        return err != Errno.SUCCESS ? err : notASocket(fd);
    }

    /** si_flags is a plain u16 (no flags are defined), so only its width is checked. */
    int send(int fd, int siData, int siDataLen, int siFlags, int soDataLenOut) {
        int err = Flags.flags(siFlags, 16, 0xFFFF);
        return err != Errno.SUCCESS ? err : notASocket(fd);
    }

    int shutdown(int fd, int how) {
        int err = Flags.flags(how, 8, Flags.SDFLAGS_ALL);
        return err != Errno.SUCCESS ? err : notASocket(fd);
    }
}
