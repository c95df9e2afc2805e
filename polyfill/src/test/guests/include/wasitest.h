/*
 * Helpers shared by the C conformance guests: errno names, and one-line reports of WASI calls.
 * Every guest prints only facts that are the same on every conforming host (no times, no addresses),
 * so its output can be compared byte for byte.
 */
#ifndef WASITEST_H
#define WASITEST_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wasi/api.h>

static const char *const wasitest_errno_names[] = {
    "SUCCESS", "2BIG", "ACCES", "ADDRINUSE", "ADDRNOTAVAIL", "AFNOSUPPORT", "AGAIN", "ALREADY",
    "BADF", "BADMSG", "BUSY", "CANCELED", "CHILD", "CONNABORTED", "CONNREFUSED", "CONNRESET",
    "DEADLK", "DESTADDRREQ", "DOM", "DQUOT", "EXIST", "FAULT", "FBIG", "HOSTUNREACH", "IDRM",
    "ILSEQ", "INPROGRESS", "INTR", "INVAL", "IO", "ISCONN", "ISDIR", "LOOP", "MFILE", "MLINK",
    "MSGSIZE", "MULTIHOP", "NAMETOOLONG", "NETDOWN", "NETRESET", "NETUNREACH", "NFILE", "NOBUFS",
    "NODEV", "NOENT", "NOEXEC", "NOLCK", "NOLINK", "NOMEM", "NOMSG", "NOPROTOOPT", "NOSPC",
    "NOSYS", "NOTCONN", "NOTDIR", "NOTEMPTY", "NOTRECOVERABLE", "NOTSOCK", "NOTSUP", "NOTTY",
    "NXIO", "OVERFLOW", "OWNERDEAD", "PERM", "PIPE", "PROTO", "PROTONOSUPPORT", "PROTOTYPE",
    "RANGE", "ROFS", "SPIPE", "SRCH", "STALE", "TIMEDOUT", "TXTBSY", "XDEV", "NOTCAPABLE"
};

/* The WASI name of an errno ("NOENT"); wasi-libc's errno values are the WASI ones. */
static const char *errname(int e) {
    if (e >= 0 && e < (int) (sizeof wasitest_errno_names / sizeof wasitest_errno_names[0])) {
        return wasitest_errno_names[e];
    }
    return "?";
}

/* Prints "label: ERRNO" for the errno a raw WASI call returned. */
#define EXPECT(label, call) printf("%s: %s\n", (label), errname((int) (call)))

/* Prints "label: ok" when a libc call returned >= 0, else "label: -1 ERRNO" from errno. */
#define LIBC(label, call) do { \
        errno = 0; \
        long wasitest_r = (long) (call); \
        if (wasitest_r >= 0) printf("%s: ok\n", (label)); \
        else printf("%s: -1 %s\n", (label), errname(errno)); \
    } while (0)

/* Stops the guest with a message when a call that must succeed fails. */
#define MUST(call) do { \
        int wasitest_e = (int) (call); \
        if (wasitest_e != 0) { \
            fprintf(stderr, "%s:%d: %s failed: %s\n", __FILE__, __LINE__, #call, errname(wasitest_e)); \
            exit(70); \
        } \
    } while (0)

/* The preopen every guest starts from (the first one, fd 3). */
#define ROOT 3

/* Opens a path relative to `dir` with raw path_open; returns the fd or exits. */
static __wasi_fd_t open_at(__wasi_fd_t dir, const char *path, __wasi_oflags_t oflags, __wasi_rights_t rights,
                           __wasi_fdflags_t fdflags) {
    __wasi_fd_t fd;
    MUST(__wasi_path_open(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, path, oflags, rights, rights, fdflags, &fd));
    return fd;
}

/* Writes a whole C string through raw fd_write; returns the errno. */
static __wasi_errno_t write_str(__wasi_fd_t fd, const char *s, __wasi_size_t *written) {
    __wasi_ciovec_t iov = {(const uint8_t *) s, strlen(s)};
    return __wasi_fd_write(fd, &iov, 1, written);
}

/* Reads up to n-1 bytes with raw fd_read into buf and NUL-terminates; returns the errno. */
static __wasi_errno_t read_str(__wasi_fd_t fd, char *buf, size_t n, __wasi_size_t *nread) {
    __wasi_iovec_t iov = {(uint8_t *) buf, n - 1};
    __wasi_errno_t e = __wasi_fd_read(fd, &iov, 1, nread);
    buf[e == 0 ? *nread : 0] = 0;
    return e;
}

#endif
