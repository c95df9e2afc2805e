/*
 * The socket calls, as wasmtime answers them for a module given no sockets: BADF for a closed fd,
 * NOTSOCK for any open one (stdio, a preopen, a file), INVAL for unknown flag bits.
 */
#include "wasitest.h"

int main(void) {
    __wasi_fd_t file = open_at(ROOT, "file.txt", 0, __WASI_RIGHTS_FD_READ, 0);
    __wasi_fd_t fds[] = {0, 1, ROOT, file, 99};
    for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++) {
        __wasi_fd_t fd = fds[i], accepted;
        uint8_t buf[8];
        __wasi_iovec_t iov = {buf, sizeof buf};
        __wasi_ciovec_t ciov = {buf, sizeof buf};
        __wasi_size_t n;
        __wasi_roflags_t roflags;
        printf("fd %u: accept %s, recv %s, send %s, shutdown %s\n", fd,
               errname(__wasi_sock_accept(fd, 0, &accepted)),
               errname(__wasi_sock_recv(fd, &iov, 1, 0, &n, &roflags)),
               errname(__wasi_sock_send(fd, &ciov, 1, 0, &n)),
               errname(__wasi_sock_shutdown(fd, __WASI_SDFLAGS_RD | __WASI_SDFLAGS_WR)));
    }
    __wasi_fd_t accepted;
    __wasi_size_t n;
    __wasi_roflags_t roflags;
    EXPECT("sock_accept with an unknown fdflag", __wasi_sock_accept(ROOT, 0x20, &accepted));
    EXPECT("sock_recv with an unknown riflag", __wasi_sock_recv(ROOT, NULL, 0, 4, &n, &roflags));
    EXPECT("sock_shutdown with an unknown sdflag", __wasi_sock_shutdown(ROOT, 4));
    EXPECT("sock_send with any siflags", __wasi_sock_send(ROOT, NULL, 0, 0x8000, &n));
    return 0;
}
