/*
 * Regular files: create, write, read, seek/tell, pread/pwrite (past the end, zero fill), O_APPEND
 * (write and pwrite), O_TRUNC, O_EXCL, growing and truncating with fd_filestat_set_size, open modes
 * (reading a write-only file, writing a read-only one), fd_fdstat_get/set_flags, fd_advise, fd_allocate,
 * fd_sync/fd_datasync, and the same through libc (fopen, fread, fwrite, lseek, ftruncate).
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "wasitest.h"

#define RW (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE)

static void show_file(const char *label, __wasi_fd_t fd) {
    __wasi_filestat_t st;
    MUST(__wasi_fd_filestat_get(fd, &st));
    unsigned char buf[128];
    __wasi_iovec_t iov = {buf, sizeof buf};
    __wasi_size_t n;
    MUST(__wasi_fd_pread(fd, &iov, 1, 0, &n));
    printf("%s: size %llu, content [", label, st.size);
    for (__wasi_size_t i = 0; i < n; i++) {
        if (buf[i] >= 32 && buf[i] < 127) putchar(buf[i]); else printf("\\%o", buf[i]);
    }
    printf("]\n");
}

static __wasi_filesize_t tell(__wasi_fd_t fd) {
    __wasi_filesize_t pos;
    MUST(__wasi_fd_tell(fd, &pos));
    return pos;
}

int main(void) {
    __wasi_fd_t fd;
    __wasi_size_t n;
    __wasi_filesize_t pos;
    char buf[64];

    /* read an existing file: position, short read at the end, then 0 */
    fd = open_at(ROOT, "data/hello.txt", 0, __WASI_RIGHTS_FD_READ, 0);
    MUST(read_str(fd, buf, 11, &n));
    printf("read %lu [%s], tell %llu\n", n, buf, tell(fd));
    MUST(read_str(fd, buf, sizeof buf, &n));
    printf("read %lu [%s], tell %llu\n", n, buf, tell(fd));
    MUST(read_str(fd, buf, sizeof buf, &n));
    printf("read at end %lu\n", n);
    EXPECT("fd_seek SET 6", __wasi_fd_seek(fd, 6, __WASI_WHENCE_SET, &pos));
    MUST(read_str(fd, buf, 5, &n));
    printf("after seek: [%s]\n", buf);
    EXPECT("fd_seek CUR -2", __wasi_fd_seek(fd, -2, __WASI_WHENCE_CUR, &pos));
    printf("position %llu\n", pos);
    EXPECT("fd_seek END -5", __wasi_fd_seek(fd, -5, __WASI_WHENCE_END, &pos));
    printf("position %llu\n", pos);
    EXPECT("fd_seek END +100 (past the end is allowed)", __wasi_fd_seek(fd, 100, __WASI_WHENCE_END, &pos));
    printf("position %llu\n", pos);
    MUST(read_str(fd, buf, sizeof buf, &n));
    printf("read past the end: %lu\n", n);
    EXPECT("fd_seek SET -1", __wasi_fd_seek(fd, -1, __WASI_WHENCE_SET, &pos));
    EXPECT("fd_seek CUR -1000", __wasi_fd_seek(fd, -1000, __WASI_WHENCE_CUR, &pos));
    printf("position unchanged: %llu\n", tell(fd));
    __wasi_size_t w;
    EXPECT("fd_write on a read-only file", write_str(fd, "x", &w));
    EXPECT("fd_write of nothing on a read-only file", write_str(fd, "", &w));
    EXPECT("fd_filestat_set_size on a read-only file", __wasi_fd_filestat_set_size(fd, 0));
    EXPECT("fd_pwrite on a read-only file", __wasi_fd_pwrite(fd, &(__wasi_ciovec_t){(const uint8_t *) "x", 1}, 1, 0, &w));
    EXPECT("fd_sync on a read-only file", __wasi_fd_sync(fd));
    EXPECT("fd_datasync on a read-only file", __wasi_fd_datasync(fd));
    EXPECT("fd_advise WILLNEED", __wasi_fd_advise(fd, 0, 100, __WASI_ADVICE_WILLNEED));
    EXPECT("fd_allocate", __wasi_fd_allocate(fd, 0, 100));
    MUST(__wasi_fd_close(fd));

    /* create with O_EXCL; a second O_EXCL fails */
    EXPECT("O_CREAT|O_EXCL new", __wasi_path_open(ROOT, 0, "out/new.txt", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL, RW, 0, 0, &fd));
    __wasi_fd_t again;
    EXPECT("O_CREAT|O_EXCL existing", __wasi_path_open(ROOT, 0, "out/new.txt", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL, RW, 0, 0, &again));
    EXPECT("O_CREAT in a missing directory", __wasi_path_open(ROOT, 0, "missing/new.txt", __WASI_OFLAGS_CREAT, RW, 0, 0, &again));
    EXPECT("open missing without O_CREAT", __wasi_path_open(ROOT, 0, "out/none.txt", 0, RW, 0, 0, &again));
    EXPECT("O_DIRECTORY on a file", __wasi_path_open(ROOT, 0, "data/hello.txt", __WASI_OFLAGS_DIRECTORY, 0, 0, 0, &again));
    EXPECT("O_DIRECTORY|O_CREAT", __wasi_path_open(ROOT, 0, "out/d", __WASI_OFLAGS_DIRECTORY | __WASI_OFLAGS_CREAT, 0, 0, 0, &again));
    EXPECT("O_TRUNC|O_DIRECTORY", __wasi_path_open(ROOT, 0, "out", __WASI_OFLAGS_DIRECTORY | __WASI_OFLAGS_TRUNC, 0, 0, 0, &again));
    EXPECT("open a directory for writing", __wasi_path_open(ROOT, 0, "out", 0, RW, 0, 0, &again));
    EXPECT("O_CREAT on an existing directory", __wasi_path_open(ROOT, 0, "out", __WASI_OFLAGS_CREAT, 0, 0, 0, &again));
    EXPECT("O_CREAT with a trailing slash", __wasi_path_open(ROOT, 0, "out/dir/", __WASI_OFLAGS_CREAT, 0, 0, 0, &again));
    EXPECT("a file with a trailing slash", __wasi_path_open(ROOT, 0, "data/hello.txt/", 0, 0, 0, 0, &again));
    EXPECT("FDFLAGS_SYNC is not supported", __wasi_path_open(ROOT, 0, "data/hello.txt", 0, RW, 0, __WASI_FDFLAGS_SYNC, &again));
    EXPECT("FDFLAGS_DSYNC is not supported", __wasi_path_open(ROOT, 0, "data/hello.txt", 0, RW, 0, __WASI_FDFLAGS_DSYNC, &again));
    EXPECT("FDFLAGS_NONBLOCK opens", __wasi_path_open(ROOT, 0, "data/hello.txt", 0, 0, 0, __WASI_FDFLAGS_NONBLOCK, &again));
    __wasi_fdstat_t fst;
    MUST(__wasi_fd_fdstat_get(again, &fst));
    printf("nonblock fd: flags %u\n", fst.fs_flags);
    MUST(__wasi_fd_close(again));

    /* write, then write again past the end: the gap is zero-filled */
    MUST(write_str(fd, "abc", &w));
    printf("wrote %lu, tell %llu\n", w, tell(fd));
    __wasi_ciovec_t tail = {(const uint8_t *) "Z", 1};
    MUST(__wasi_fd_pwrite(fd, &tail, 1, 6, &w));
    printf("pwrite at 6 wrote %lu, tell still %llu\n", w, tell(fd));
    show_file("after pwrite past the end", fd);
    MUST(__wasi_fd_pwrite(fd, &(__wasi_ciovec_t){(const uint8_t *) "", 0}, 1, 50, &w));
    show_file("an empty pwrite far past the end changes nothing", fd);
    MUST(__wasi_fd_seek(fd, 10, __WASI_WHENCE_SET, &pos));
    MUST(write_str(fd, "Q", &w));
    show_file("fd_write after seeking past the end", fd);
    MUST(__wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos));
    MUST(read_str(fd, buf, 3, &n));
    printf("read from 0 into a 2-byte buffer: [%s]\n", buf);
    unsigned char big[8];
    __wasi_iovec_t pre = {big, sizeof big};
    EXPECT("fd_pread at offset 100", __wasi_fd_pread(fd, &pre, 1, 100, &n));
    printf("pread past the end read %lu\n", n);

    /* size changes: grow with zeros, shrink, grow again (old bytes do not come back) */
    EXPECT("fd_filestat_set_size 4", __wasi_fd_filestat_set_size(fd, 4));
    show_file("shrunk", fd);
    EXPECT("fd_filestat_set_size 8", __wasi_fd_filestat_set_size(fd, 8));
    show_file("grown", fd);
    printf("position after resizing: %llu\n", tell(fd));
    EXPECT("fd_filestat_set_size 2^63 (negative off_t)", __wasi_fd_filestat_set_size(fd, 1ULL << 63));
    EXPECT("fd_sync", __wasi_fd_sync(fd));
    EXPECT("fd_datasync", __wasi_fd_datasync(fd));
    EXPECT("fd_allocate on a writable file", __wasi_fd_allocate(fd, 0, 100));
    EXPECT("fd_advise DONTNEED", __wasi_fd_advise(fd, 0, 0, __WASI_ADVICE_DONTNEED));

    /* flags: APPEND on, writes go to the end whatever the position; pwrite on append also appends */
    MUST(__wasi_fd_fdstat_get(fd, &fst));
    printf("flags before %u\n", fst.fs_flags);
    EXPECT("set APPEND", __wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_APPEND));
    MUST(__wasi_fd_fdstat_get(fd, &fst));
    printf("flags now %u\n", fst.fs_flags);
    MUST(__wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos));
    MUST(write_str(fd, "END", &w));
    printf("append write: tell %llu\n", tell(fd));
    MUST(__wasi_fd_pwrite(fd, &(__wasi_ciovec_t){(const uint8_t *) "P", 1}, 1, 0, &w));
    printf("pwrite on an append fd appends; tell %llu\n", tell(fd));
    show_file("after appending", fd);
    EXPECT("set SYNC", __wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_SYNC));
    EXPECT("set APPEND off", __wasi_fd_fdstat_set_flags(fd, 0));
    MUST(__wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos));
    MUST(write_str(fd, "X", &w));
    show_file("overwrote the first byte", fd);
    MUST(__wasi_fd_close(fd));
    EXPECT("fd_close twice", __wasi_fd_close(fd));

    /* write-only: reading fails; O_TRUNC empties */
    fd = open_at(ROOT, "data/hello.txt", __WASI_OFLAGS_TRUNC, __WASI_RIGHTS_FD_WRITE, 0);
    EXPECT("fd_read on a write-only file", read_str(fd, buf, sizeof buf, &n));
    EXPECT("fd_pread on a write-only file", __wasi_fd_pread(fd, &pre, 1, 0, &n));
    MUST(write_str(fd, "rewritten", &w));
    MUST(__wasi_fd_close(fd));
    fd = open_at(ROOT, "data/append.log", __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_WRITE, __WASI_FDFLAGS_APPEND);
    MUST(write_str(fd, "one\n", &w));
    MUST(write_str(fd, "two\n", &w));
    MUST(__wasi_fd_close(fd));

    /* libc */
    FILE *f = fopen("/out/libc.txt", "w+");
    fputs("line 1\nline 2\n", f);
    fseek(f, 0, SEEK_SET);
    char line[32];
    fgets(line, sizeof line, f);
    printf("fgets [%s", line);
    fclose(f);
    int cfd = open("/out/libc.txt", O_RDWR);
    printf("lseek END %lld\n", (long long) lseek(cfd, 0, SEEK_END));
    LIBC("ftruncate 3", ftruncate(cfd, 3));
    struct stat st;
    LIBC("fstat", fstat(cfd, &st));
    printf("st_size %lld, regular file %d\n", (long long) st.st_size, S_ISREG(st.st_mode));
    LIBC("pwrite past the end", pwrite(cfd, "!", 1, 5));
    close(cfd);
    LIBC("open O_EXCL existing", open("/out/libc.txt", O_CREAT | O_EXCL | O_WRONLY, 0644));
    LIBC("open read-only then write", write(open("/data/hello.txt", O_RDONLY), "x", 1));
    f = fopen("/data/append.log", "a");
    fputs("three\n", f);
    fclose(f);
    return 0;
}
