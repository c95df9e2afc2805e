/*
 * The descriptor table: numbers are handed out as wasmtime does (the highest number freed and not reused
 * yet, else one past the highest open fd), fd_close, fd_renumber (over stdio, over a preopen, errors),
 * closing a preopen, stdin's number reused, the open-file limit (1024 here, like a default ulimit -n).
 */
#include "wasitest.h"

static __wasi_fd_t open_file(const char *path) {
    __wasi_fd_t fd;
    MUST(__wasi_path_open(ROOT, 0, path, __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0, 0, &fd));
    return fd;
}

int main(void) {
    /* stdin's number is reused once closed */
    EXPECT("close stdin", __wasi_fd_close(0));
    __wasi_fd_t zero = open_file("zero");
    printf("the next open gets fd %u\n", zero);
    MUST(__wasi_fd_close(zero));
    printf("and again: %u\n", open_file("zero"));

    __wasi_fd_t a = open_file("a"), b = open_file("b"), c = open_file("c");
    printf("opened a=%u b=%u c=%u\n", a, b, c);
    MUST(__wasi_fd_close(b));
    printf("closed b, next open: %u\n", open_file("d"));
    MUST(__wasi_fd_close(a));
    MUST(__wasi_fd_close(c));
    __wasi_fd_t e = open_file("e"), f = open_file("f"), g = open_file("g");
    printf("closed a and c, next opens: %u %u %u\n", e, f, g);
    EXPECT("fd_close of a closed fd", __wasi_fd_close(99));

    __wasi_size_t w;
    MUST(write_str(g, "written through g", &w));
    EXPECT("fd_renumber g onto e", __wasi_fd_renumber(g, e));
    EXPECT("g is closed now", __wasi_fd_close(g));
    __wasi_filestat_t st;
    MUST(__wasi_fd_filestat_get(e, &st));
    printf("e now is g's file: size %llu\n", st.size);
    printf("next open after the renumber: %u\n", open_file("h"));
    EXPECT("fd_renumber from a closed fd", __wasi_fd_renumber(99, e));
    EXPECT("fd_renumber to a closed fd", __wasi_fd_renumber(e, 99));
    EXPECT("fd_renumber to itself", __wasi_fd_renumber(e, e));
    EXPECT("fd_renumber to 2^32-1", __wasi_fd_renumber(e, 0xFFFFFFFFu));

    /* the limit: 1024 descriptors in all */
    int opened = 0;
    __wasi_fd_t fd, last = 0;
    __wasi_errno_t err;
    while ((err = __wasi_path_open(ROOT, 0, "a", 0, __WASI_RIGHTS_FD_READ, 0, 0, &fd)) == 0) {
        opened++;
        last = fd;
    }
    printf("opened %d more before %s; the last fd was %u\n", opened, errname(err), last);
    for (__wasi_fd_t i = 0; i <= last; i++) {
        if (i > 3 && i != e && i != 0) {
            MUST(__wasi_fd_close(i));
        }
    }
    /* wasmtime's renumber loop: opening and renumbering 2000 times leaks nothing */
    __wasi_fd_t cur = open_file("loop");
    for (int i = 0; i < 2000; i++) {
        __wasi_fd_t next;
        MUST(__wasi_path_open(ROOT, 0, "loop", 0, __WASI_RIGHTS_FD_READ, 0, 0, &next));
        MUST(__wasi_fd_renumber(cur, next));
        cur = next;
    }
    MUST(__wasi_fd_close(cur));
    printf("after 2000 renumbers, opening still works: %s\n", open_file("after") > 0 ? "yes" : "no");

    printf("with many numbers free, the next open gets the highest: %u\n", open_file("highest"));

    /* a preopen can be renumbered and closed */
    __wasi_fd_t p = open_file("p");
    EXPECT("fd_renumber the preopen onto p", __wasi_fd_renumber(ROOT, p));
    __wasi_prestat_t pre;
    EXPECT("fd_prestat_get of the old number", __wasi_fd_prestat_get(ROOT, &pre));
    EXPECT("fd_prestat_get of the new number", __wasi_fd_prestat_get(p, &pre));
    __wasi_fd_t file;
    EXPECT("path_open through the new number", __wasi_path_open(p, 0, "a", 0, 0, 0, 0, &file));
    EXPECT("close the preopen", __wasi_fd_close(p));
    EXPECT("path_open through the closed preopen", __wasi_path_open(p, 0, "a", 0, 0, 0, 0, &fd));
    EXPECT("path_open relative to a file", __wasi_path_open(file, 0, "x", 0, 0, 0, 0, &fd));
    EXPECT("path_create_directory relative to a file", __wasi_path_create_directory(file, "x"));
    return 0;
}
