/*
 * Larger files: a 300 KiB file written in odd-sized chunks and read back, a write far past the end
 * (1 MiB of zeros in between), growth by fd_filestat_set_size, and libc stdio with its buffering.
 */
#include <unistd.h>
#include "wasitest.h"

static uint32_t checksum(const uint8_t *p, size_t n, uint32_t h) {
    for (size_t i = 0; i < n; i++) {
        h = (h ^ p[i]) * 16777619u;
    }
    return h;
}

int main(void) {
    static uint8_t chunk[7777];
    for (size_t i = 0; i < sizeof chunk; i++) {
        chunk[i] = (uint8_t) (i * 31 + 7);
    }
    __wasi_fd_t fd = open_at(ROOT, "big.bin", __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0);
    size_t total = 0;
    uint32_t written_sum = 2166136261u;
    while (total < 300 * 1024) {
        size_t n = sizeof chunk;
        if (total + n > 300 * 1024) n = 300 * 1024 - total;
        __wasi_ciovec_t iov = {chunk, n};
        __wasi_size_t w;
        MUST(__wasi_fd_write(fd, &iov, 1, &w));
        written_sum = checksum(chunk, w, written_sum);
        total += w;
    }
    __wasi_filestat_t st;
    MUST(__wasi_fd_filestat_get(fd, &st));
    printf("wrote %zu bytes, size %llu\n", total, st.size);

    __wasi_filesize_t pos;
    MUST(__wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos));
    static uint8_t back[65536];
    uint32_t read_sum = 2166136261u;
    size_t read_total = 0, reads = 0;
    while (1) {
        __wasi_iovec_t iov = {back, sizeof back};
        __wasi_size_t n;
        MUST(__wasi_fd_read(fd, &iov, 1, &n));
        if (n == 0) break;
        read_sum = checksum(back, n, read_sum);
        read_total += n;
        reads++;
    }
    printf("read back %zu bytes in %zu reads, same bytes: %s\n", read_total, reads, read_sum == written_sum ? "yes" : "no");

    __wasi_ciovec_t one = {(const uint8_t *) "!", 1};
    __wasi_size_t w;
    MUST(__wasi_fd_pwrite(fd, &one, 1, 2 * 1024 * 1024, &w));
    MUST(__wasi_fd_filestat_get(fd, &st));
    printf("after a pwrite at 2 MiB: size %llu\n", st.size);
    __wasi_iovec_t gap = {back, 16};
    __wasi_size_t n;
    MUST(__wasi_fd_pread(fd, &gap, 1, 1024 * 1024, &n));
    printf("the gap reads as zeros: %s\n", checksum(back, n, 1) == checksum((const uint8_t[16]){0}, 16, 1) ? "yes" : "no");
    MUST(__wasi_fd_filestat_set_size(fd, 3 * 1024 * 1024));
    MUST(__wasi_fd_filestat_get(fd, &st));
    printf("grown to %llu\n", st.size);
    MUST(__wasi_fd_filestat_set_size(fd, 300 * 1024));
    MUST(__wasi_fd_close(fd));

    FILE *f = fopen("/lines.txt", "w");
    for (int i = 0; i < 5000; i++) {
        fprintf(f, "line %d\n", i);
    }
    fclose(f);
    f = fopen("/lines.txt", "r");
    char line[64];
    int count = 0;
    long sum = 0;
    while (fgets(line, sizeof line, f)) {
        count++;
        sum += atoi(line + 5);
    }
    fclose(f);
    printf("read %d lines back, numbers sum to %ld\n", count, sum);
    return 0;
}
