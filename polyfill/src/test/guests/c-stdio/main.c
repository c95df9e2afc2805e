/*
 * stdio descriptors: reading stdin to the end, writing stdout/stderr, what fd_fdstat_get and
 * fd_filestat_get report for them, and every call that does not apply to a stream.
 */
#include <unistd.h>
#include "wasitest.h"

static void describe(__wasi_fd_t fd) {
    __wasi_fdstat_t st;
    MUST(__wasi_fd_fdstat_get(fd, &st));
    printf("fd %u: filetype %u flags %u base 0x%llx inheriting 0x%llx isatty %d\n", fd, st.fs_filetype,
           st.fs_flags, (unsigned long long) st.fs_rights_base, (unsigned long long) st.fs_rights_inheriting,
           isatty(fd));
    __wasi_filestat_t fs;
    MUST(__wasi_fd_filestat_get(fd, &fs));
    printf("fd %u: filestat dev %llu ino %llu type %u nlink %llu size %llu times %llu %llu %llu\n", fd,
           fs.dev, fs.ino, fs.filetype, fs.nlink, fs.size, fs.atim, fs.mtim, fs.ctim);
}

int main(void) {
    char buf[64];
    __wasi_size_t n;
    size_t total = 0;
    /* a small buffer: stdin arrives in several reads, then 0 at the end */
    while (1) {
        MUST(read_str(0, buf, 8, &n));
        if (n == 0) {
            break;
        }
        printf("read %lu: [%s]\n", n, buf);
        total += n;
    }
    printf("stdin total %zu, read at end again: ", total);
    MUST(read_str(0, buf, sizeof buf, &n));
    printf("%lu\n", n);

    for (__wasi_fd_t fd = 0; fd <= 2; fd++) {
        describe(fd);
    }

    __wasi_size_t written;
    EXPECT("fd_write stdout", write_str(1, "to stdout\n", &written));
    EXPECT("fd_write stderr", write_str(2, "to stderr\n", &written));
    EXPECT("fd_write stdin", write_str(0, "x", &written));
    EXPECT("fd_read stdout", read_str(1, buf, sizeof buf, &n));
    EXPECT("fd_read stderr", read_str(2, buf, sizeof buf, &n));

    __wasi_filesize_t pos;
    EXPECT("fd_seek stdin", __wasi_fd_seek(0, 0, __WASI_WHENCE_CUR, &pos));
    EXPECT("fd_seek stdout", __wasi_fd_seek(1, 0, __WASI_WHENCE_SET, &pos));
    EXPECT("fd_tell stderr", __wasi_fd_tell(2, &pos));
    __wasi_iovec_t iov = {(uint8_t *) buf, sizeof buf};
    __wasi_ciovec_t ciov = {(const uint8_t *) "x", 1};
    EXPECT("fd_pread stdin", __wasi_fd_pread(0, &iov, 1, 0, &n));
    EXPECT("fd_pread stdout", __wasi_fd_pread(1, &iov, 1, 0, &n));
    EXPECT("fd_pwrite stdout", __wasi_fd_pwrite(1, &ciov, 1, 0, &n));
    EXPECT("fd_pwrite stdin", __wasi_fd_pwrite(0, &ciov, 1, 0, &n));
    EXPECT("fd_sync stdout", __wasi_fd_sync(1));
    EXPECT("fd_datasync stdout", __wasi_fd_datasync(1));
    EXPECT("fd_advise stdin", __wasi_fd_advise(0, 0, 0, __WASI_ADVICE_NORMAL));
    EXPECT("fd_allocate stdout", __wasi_fd_allocate(1, 0, 1));
    EXPECT("fd_fdstat_set_flags stdout", __wasi_fd_fdstat_set_flags(1, __WASI_FDFLAGS_APPEND));
    EXPECT("fd_filestat_set_size stdout", __wasi_fd_filestat_set_size(1, 0));
    EXPECT("fd_filestat_set_times stdout", __wasi_fd_filestat_set_times(1, 0, 0, __WASI_FSTFLAGS_MTIM));
    EXPECT("fd_readdir stdout", __wasi_fd_readdir(1, (uint8_t *) buf, sizeof buf, 0, &n));
    EXPECT("fd_prestat_dir_name stdout", __wasi_fd_prestat_dir_name(1, (uint8_t *) buf, sizeof buf));
    __wasi_prestat_t pre;
    EXPECT("fd_prestat_get stdout", __wasi_fd_prestat_get(1, &pre));
    __wasi_fd_t out;
    EXPECT("path_open relative to stdout", __wasi_path_open(1, 0, "x", 0, 0, 0, 0, &out));
    EXPECT("path_create_directory relative to stdin", __wasi_path_create_directory(0, "x"));
    EXPECT("fd_renumber stdout to itself", __wasi_fd_renumber(1, 1));
    EXPECT("fd_renumber stdout to a closed fd", __wasi_fd_renumber(1, 101));

    /* libc on top: stdout is line buffered (a terminal), stderr unbuffered */
    fprintf(stdout, "printf to stdout\n");
    fprintf(stderr, "printf to stderr\n");
    fflush(stdout);
    return 0;
}
