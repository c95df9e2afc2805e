/*
 * Timestamps, inode numbers and devices: explicit and "now" times with fd_filestat_set_times and
 * path_filestat_set_times, what changes mtim and ctim (writes, truncation, links, renames, set_times) and
 * what does not (reads: the tree behaves like a noatime mount), directory times when entries come and go,
 * inode numbers distinct per file and shared by hard links, device id 1 (as wasmtime reports).
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "wasitest.h"

static __wasi_filestat_t stat_of(const char *path) {
    __wasi_filestat_t st;
    MUST(__wasi_path_filestat_get(ROOT, 0, path, &st));
    return st;
}

static __wasi_timestamp_t wall(void) {
    __wasi_timestamp_t t;
    MUST(__wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, &t));
    return t;
}

/* Sleeps long enough that "now" has surely moved on, even on a millisecond clock. */
static void tick(void) {
    __wasi_subscription_t s;
    memset(&s, 0, sizeof s);
    s.u.tag = __WASI_EVENTTYPE_CLOCK;
    s.u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
    s.u.u.clock.timeout = 5000000;
    __wasi_event_t e;
    __wasi_size_t n;
    MUST(__wasi_poll_oneoff(&s, &e, 1, &n));
}

static const char *cmp(__wasi_timestamp_t after, __wasi_timestamp_t before) {
    return after > before ? "later" : after == before ? "same" : "EARLIER";
}

int main(void) {
    __wasi_filestat_t a = stat_of("a.txt"), b = stat_of("b.txt"), d = stat_of("dir");
    printf("dev a %llu b %llu dir %llu\n", a.dev, b.dev, d.dev);
    printf("inodes distinct: %s\n", a.ino != b.ino && a.ino != d.ino && b.ino != d.ino ? "yes" : "no");
    MUST(__wasi_path_link(ROOT, 0, "a.txt", ROOT, "dir/a-link"));
    printf("a hard link shares the inode: %s\n", stat_of("dir/a-link").ino == a.ino ? "yes" : "no");

    /* explicit times */
    EXPECT("set atim 1.5 s and mtim 2.25 s", __wasi_path_filestat_set_times(ROOT, 0, "b.txt", 1500000000, 2250000000ULL,
            __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM));
    b = stat_of("b.txt");
    printf("b: atim %llu mtim %llu\n", b.atim, b.mtim);
    EXPECT("set only mtim", __wasi_path_filestat_set_times(ROOT, 0, "b.txt", 0, 3000000000ULL, __WASI_FSTFLAGS_MTIM));
    b = stat_of("b.txt");
    printf("b: atim %llu mtim %llu\n", b.atim, b.mtim);
    __wasi_timestamp_t before = wall();
    tick();
    EXPECT("set atim to now", __wasi_path_filestat_set_times(ROOT, 0, "b.txt", 0, 0, __WASI_FSTFLAGS_ATIM_NOW));
    b = stat_of("b.txt");
    printf("b: atim is now (after the call began: %s, within 10 s: %s), mtim still %llu\n", b.atim > before ? "yes" : "no",
           b.atim - before < 10000000000ULL ? "yes" : "no", b.mtim);
    __wasi_filestat_t b2 = b;
    tick();
    EXPECT("set times with no flags", __wasi_path_filestat_set_times(ROOT, 0, "b.txt", 1, 1, 0));
    b = stat_of("b.txt");
    printf("nothing changed, ctim included: %s\n", b.atim == b2.atim && b.mtim == b2.mtim && b.ctim == b2.ctim ? "yes" : "no");
    EXPECT("ATIM with ATIM_NOW", __wasi_path_filestat_set_times(ROOT, 0, "b.txt", 0, 0, __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_ATIM_NOW));
    EXPECT("MTIM with MTIM_NOW", __wasi_fd_filestat_set_times(ROOT, 0, 0, __WASI_FSTFLAGS_MTIM | __WASI_FSTFLAGS_MTIM_NOW));
    EXPECT("an unknown fstflag", __wasi_path_filestat_set_times(ROOT, 0, "b.txt", 0, 0, 16));
    EXPECT("set times on a missing file", __wasi_path_filestat_set_times(ROOT, 0, "missing", 0, 0, __WASI_FSTFLAGS_MTIM_NOW));

    /* through an fd, on a directory too */
    __wasi_fd_t dir = open_at(ROOT, "dir", __WASI_OFLAGS_DIRECTORY, 0, 0);
    EXPECT("fd_filestat_set_times on a directory", __wasi_fd_filestat_set_times(dir, 7, 8, __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM));
    d = stat_of("dir");
    printf("dir: atim %llu mtim %llu\n", d.atim, d.mtim);

    /* what moves mtim and ctim */
    __wasi_fd_t fd = open_at(ROOT, "a.txt", 0, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0);
    a = stat_of("a.txt");
    tick();
    char buf[32];
    __wasi_size_t n;
    MUST(read_str(fd, buf, sizeof buf, &n));
    __wasi_filestat_t a2 = stat_of("a.txt");
    printf("after a read: atim %s, mtim %s, ctim %s\n", cmp(a2.atim, a.atim), cmp(a2.mtim, a.mtim), cmp(a2.ctim, a.ctim));
    tick();
    MUST(write_str(fd, "more", &n));
    __wasi_filestat_t a3 = stat_of("a.txt");
    printf("after a write: atim %s, mtim %s, ctim %s\n", cmp(a3.atim, a2.atim), cmp(a3.mtim, a2.mtim), cmp(a3.ctim, a2.ctim));
    tick();
    MUST(__wasi_fd_filestat_set_size(fd, 2));
    __wasi_filestat_t a4 = stat_of("a.txt");
    printf("after truncating: mtim %s, ctim %s\n", cmp(a4.mtim, a3.mtim), cmp(a4.ctim, a3.ctim));
    tick();
    MUST(__wasi_path_link(ROOT, 0, "a.txt", ROOT, "a-second-name"));
    __wasi_filestat_t a5 = stat_of("a.txt");
    printf("after a new hard link: mtim %s, ctim %s, nlink %llu\n", cmp(a5.mtim, a4.mtim), cmp(a5.ctim, a4.ctim), a5.nlink);
    tick();
    MUST(__wasi_path_rename(ROOT, "a-second-name", ROOT, "dir/renamed"));
    __wasi_filestat_t a6 = stat_of("a.txt");
    printf("after renaming one of its names: mtim %s, ctim %s\n", cmp(a6.mtim, a5.mtim), cmp(a6.ctim, a5.ctim));
    tick();
    MUST(__wasi_fd_filestat_set_times(fd, 0, 5, __WASI_FSTFLAGS_MTIM));
    __wasi_filestat_t a7 = stat_of("a.txt");
    printf("after setting mtim to 5: mtim %llu, ctim %s\n", a7.mtim, cmp(a7.ctim, a6.ctim));
    MUST(__wasi_fd_close(fd));

    /* a directory's times follow its entries */
    __wasi_filestat_t d1 = stat_of("dir");
    tick();
    MUST(__wasi_path_create_directory(dir, "sub"));
    __wasi_filestat_t d2 = stat_of("dir");
    printf("dir after mkdir inside: mtim %s, ctim %s, nlink %llu\n", cmp(d2.mtim, d1.mtim), cmp(d2.ctim, d1.ctim), d2.nlink);
    tick();
    MUST(__wasi_path_remove_directory(dir, "sub"));
    __wasi_filestat_t d3 = stat_of("dir");
    printf("dir after rmdir inside: mtim %s, ctim %s, nlink %llu\n", cmp(d3.mtim, d2.mtim), cmp(d3.ctim, d2.ctim), d3.nlink);
    tick();
    __wasi_fd_t listing = open_at(ROOT, "dir", __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_READDIR, 0);
    MUST(__wasi_fd_readdir(listing, (uint8_t *) buf, sizeof buf, 0, &n));
    __wasi_filestat_t d4 = stat_of("dir");
    printf("dir after a readdir: atim %s, mtim %s\n", cmp(d4.atim, d3.atim), cmp(d4.mtim, d3.mtim));

    /* a new file's times are "now", all three equal */
    __wasi_timestamp_t t0 = wall();
    __wasi_fd_t created = open_at(ROOT, "new.txt", __WASI_OFLAGS_CREAT, 0, 0);
    __wasi_filestat_t c;
    MUST(__wasi_fd_filestat_get(created, &c));
    /* (file times come from the tree's clock, which may be coarser than the guest's: allow 2 ms) */
    printf("new file: times equal %s, not before the call %s, within 10 s %s\n",
           c.atim == c.mtim && c.mtim == c.ctim ? "yes" : "no", c.mtim + 2000000 >= t0 ? "yes" : "no",
           (int64_t) (c.mtim - t0) < 10000000000LL ? "yes" : "no");

    /* libc */
    struct stat st;
    LIBC("stat b.txt", stat("/b.txt", &st));
    printf("st_mtim %lld.%09ld st_dev %llu st_nlink %llu\n", (long long) st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
           (unsigned long long) st.st_dev, (unsigned long long) st.st_nlink);
    struct timespec times[2] = {{100, 5}, {200, 6}};
    LIBC("utimensat", utimensat(AT_FDCWD, "/b.txt", times, 0));
    LIBC("stat again", stat("/b.txt", &st));
    printf("st_atim %lld.%09ld st_mtim %lld.%09ld\n", (long long) st.st_atim.tv_sec, st.st_atim.tv_nsec,
           (long long) st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    return 0;
}
