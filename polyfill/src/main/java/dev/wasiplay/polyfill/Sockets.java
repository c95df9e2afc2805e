package dev.wasiplay.polyfill;

/**
 * sock_accept, sock_recv, sock_send, sock_shutdown. The guest is given no sockets, so, as wasmtime does
 * for such a module, each answers BADF for an fd that is not open and NOTSOCK for one that is.
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
        return notASocket(fd);
    }

    int recv(int fd, int riData, int riDataLen, int riFlags, int roDataLenOut, int roFlagsOut) {
        return notASocket(fd);
    }

    int send(int fd, int siData, int siDataLen, int siFlags, int soDataLenOut) {
        return notASocket(fd);
    }

    int shutdown(int fd, int how) {
        return notASocket(fd);
    }
}
