/*
 * Symlinks: creating (relative, absolute target refused with PERM, dangling, existing names, trailing
 * slashes), reading them back (truncated buffers), following or not (O_NOFOLLOW gives LOOP, or NOTDIR
 * with O_DIRECTORY), directory symlinks in the middle of paths, loops (LOOP), the 40-link limit,
 * O_CREAT through a dangling link, stat and set_times on the link or its target, removing links.
 */
#include <sys/stat.h>
#include <unistd.h>
#include "wasitest.h"

static void readlink_report(const char *path, size_t size) {
    char buf[64];
    __wasi_size_t used;
    __wasi_errno_t e = __wasi_path_readlink(ROOT, path, (uint8_t *) buf, size, &used);
    if (e == 0) {
        printf("readlink %s (%zu-byte buffer): %lu [%.*s]\n", path, size, used, (int) used, buf);
    } else {
        printf("readlink %s: %s\n", path, errname(e));
    }
}

static void open_report(const char *path, __wasi_lookupflags_t follow, __wasi_oflags_t oflags) {
    __wasi_fd_t fd;
    __wasi_errno_t e = __wasi_path_open(ROOT, follow, path, oflags, __WASI_RIGHTS_FD_READ, 0, 0, &fd);
    if (e != 0) {
        printf("open %s%s%s: %s\n", path, follow ? "" : " (nofollow)", oflags & __WASI_OFLAGS_DIRECTORY ? " (O_DIRECTORY)" : "",
               errname(e));
        return;
    }
    char buf[64] = "";
    __wasi_size_t n = 0;
    __wasi_fdstat_t st;
    MUST(__wasi_fd_fdstat_get(fd, &st));
    if (st.fs_filetype == __WASI_FILETYPE_REGULAR_FILE) {
        MUST(read_str(fd, buf, sizeof buf, &n));
    }
    printf("open %s%s: type %u [%s]\n", path, follow ? "" : " (nofollow)", st.fs_filetype, buf);
    MUST(__wasi_fd_close(fd));
}

static void stat_report(const char *path, __wasi_lookupflags_t follow) {
    __wasi_filestat_t st;
    __wasi_errno_t e = __wasi_path_filestat_get(ROOT, follow, path, &st);
    if (e != 0) {
        printf("stat %s%s: %s\n", path, follow ? " (follow)" : "", errname(e));
    } else {
        printf("stat %s%s: type %u size %llu nlink %llu\n", path, follow ? " (follow)" : "", st.filetype, st.size, st.nlink);
    }
}

int main(void) {
    const __wasi_lookupflags_t FOLLOW = __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW;
    EXPECT("symlink link -> target.txt", __wasi_path_symlink("target.txt", ROOT, "link"));
    EXPECT("symlink abs -> /etc/passwd", __wasi_path_symlink("/etc/passwd", ROOT, "abs"));
    EXPECT("symlink dangling -> nowhere", __wasi_path_symlink("nowhere", ROOT, "dangling"));
    EXPECT("symlink dlink -> dir", __wasi_path_symlink("dir", ROOT, "dlink"));
    EXPECT("symlink dir/up -> ../target.txt", __wasi_path_symlink("../target.txt", ROOT, "dir/up"));
    EXPECT("symlink escape -> ../../outside", __wasi_path_symlink("../../outside", ROOT, "escape"));
    EXPECT("symlink over an existing file", __wasi_path_symlink("x", ROOT, "target.txt"));
    EXPECT("symlink over an existing directory", __wasi_path_symlink("x", ROOT, "dir"));
    EXPECT("symlink at new/ (trailing slash)", __wasi_path_symlink("x", ROOT, "new/"));
    EXPECT("symlink at dir/ (existing directory)", __wasi_path_symlink("x", ROOT, "dir/"));
    EXPECT("symlink at target.txt/ (existing file)", __wasi_path_symlink("x", ROOT, "target.txt/"));
    EXPECT("symlink with an empty target", __wasi_path_symlink("", ROOT, "empty"));
    EXPECT("symlink in a missing directory", __wasi_path_symlink("x", ROOT, "missing/l"));

    readlink_report("link", 64);
    readlink_report("link", 4);
    readlink_report("abs", 64);
    readlink_report("dir/up", 64);
    readlink_report("target.txt", 64);
    readlink_report("missing", 64);
    readlink_report(".", 64);
    readlink_report("dlink/", 64);
    readlink_report("dlink", 0);

    open_report("link", FOLLOW, 0);
    open_report("link", 0, 0);
    open_report("link", 0, __WASI_OFLAGS_DIRECTORY);
    open_report("dlink", FOLLOW, __WASI_OFLAGS_DIRECTORY);
    open_report("dlink", 0, __WASI_OFLAGS_DIRECTORY);
    open_report("dlink/", 0, 0);
    open_report("dlink/inner.txt", 0, 0);
    open_report("dir/up", FOLLOW, 0);
    open_report("dangling", FOLLOW, 0);
    open_report("dangling", 0, 0);
    open_report("abs", FOLLOW, 0);
    open_report("escape", FOLLOW, 0);
    open_report("link/", FOLLOW, 0);

    /* O_CREAT follows a dangling link and creates its target; O_EXCL does not follow */
    MUST(__wasi_path_symlink("made-through-link.txt", ROOT, "maker"));
    __wasi_fd_t fd;
    EXPECT("O_CREAT|O_EXCL on a dangling link", __wasi_path_open(ROOT, FOLLOW, "maker", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL, 0, 0, 0, &fd));
    EXPECT("O_CREAT on a dangling link (nofollow)", __wasi_path_open(ROOT, 0, "maker", __WASI_OFLAGS_CREAT, 0, 0, 0, &fd));
    EXPECT("O_CREAT on a dangling link (follow)", __wasi_path_open(ROOT, FOLLOW, "maker", __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_WRITE, 0, 0, &fd));
    __wasi_size_t w;
    MUST(write_str(fd, "made", &w));
    MUST(__wasi_fd_close(fd));

    /* loops and the 40-link limit */
    MUST(__wasi_path_symlink("self", ROOT, "self"));
    MUST(__wasi_path_symlink("ping", ROOT, "pong"));
    MUST(__wasi_path_symlink("pong", ROOT, "ping"));
    open_report("self", FOLLOW, 0);
    open_report("self", 0, 0);
    open_report("ping", FOLLOW, 0);
    stat_report("ping", FOLLOW);
    stat_report("ping", 0);
    MUST(__wasi_path_create_directory(ROOT, "chain"));
    char name[32], target[32];
    for (int i = 0; i < 41; i++) {
        snprintf(name, sizeof name, "chain/l%d", i);
        snprintf(target, sizeof target, i == 40 ? "../target.txt" : "l%d", i + 1);
        MUST(__wasi_path_symlink(target, ROOT, name));
    }
    open_report("chain/l1", FOLLOW, 0);
    open_report("chain/l0", FOLLOW, 0);

    /* stat and times: the link itself or what it points at */
    stat_report("link", 0);
    stat_report("link", FOLLOW);
    stat_report("dlink", 0);
    stat_report("dlink", FOLLOW);
    stat_report("dangling", FOLLOW);
    stat_report("dlink/", 0);
    __wasi_filestat_t before_link, before_target, after_link, after_target;
    MUST(__wasi_path_filestat_get(ROOT, 0, "link", &before_link));
    MUST(__wasi_path_filestat_get(ROOT, 0, "target.txt", &before_target));
    EXPECT("set mtim of the link itself", __wasi_path_filestat_set_times(ROOT, 0, "link", 0, 1000000000, __WASI_FSTFLAGS_MTIM));
    EXPECT("set atim of the target through the link", __wasi_path_filestat_set_times(ROOT, FOLLOW, "link", 2000000000, 0, __WASI_FSTFLAGS_ATIM));
    MUST(__wasi_path_filestat_get(ROOT, 0, "link", &after_link));
    MUST(__wasi_path_filestat_get(ROOT, 0, "target.txt", &after_target));
    printf("link mtim %llu (atim unchanged: %s), target atim %llu (mtim unchanged: %s)\n", after_link.mtim,
           after_link.atim == before_link.atim ? "yes" : "no", after_target.atim,
           after_target.mtim == before_target.mtim ? "yes" : "no");
    EXPECT("set times through a dangling link", __wasi_path_filestat_set_times(ROOT, FOLLOW, "dangling", 0, 0, __WASI_FSTFLAGS_MTIM_NOW));

    /* removing links never touches their targets */
    EXPECT("rmdir a link to a directory", __wasi_path_remove_directory(ROOT, "dlink"));
    EXPECT("unlink dlink/ (the directory it names)", __wasi_path_unlink_file(ROOT, "dlink/"));
    EXPECT("unlink a link to a directory", __wasi_path_unlink_file(ROOT, "dlink"));
    EXPECT("unlink a dangling link", __wasi_path_unlink_file(ROOT, "dangling"));
    EXPECT("unlink a loop", __wasi_path_unlink_file(ROOT, "self"));

    /* libc */
    LIBC("symlink()", symlink("target.txt", "/libc-link"));
    char buf[64];
    ssize_t n = readlink("/libc-link", buf, sizeof buf);
    printf("readlink() = %zd [%.*s]\n", n, (int) n, buf);
    struct stat st;
    LIBC("lstat", lstat("/libc-link", &st));
    printf("lstat: link %d\n", S_ISLNK(st.st_mode));
    LIBC("stat", stat("/libc-link", &st));
    printf("stat: regular %d size %lld\n", S_ISREG(st.st_mode), (long long) st.st_size);
    LIBC("stat a loop", stat("/ping", &st));
    LIBC("symlink() to an absolute path", symlink("/target.txt", "/abs2"));
    return 0;
}
