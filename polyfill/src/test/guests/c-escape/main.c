/*
 * The sandbox, with two preopens (/sandbox at fd 3, /shared at fd 4) of a tree whose root is not
 * preopened: no absolute path, ".." chain or symlink reaches /secret.txt (PERM, as wasmtime/cap-std
 * answers), paths that climb but stay inside work, calls between the two preopens work, and
 * fd_prestat_get / fd_prestat_dir_name describe both.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "wasitest.h"

static void try_open(__wasi_fd_t dir, const char *path) {
    __wasi_fd_t fd;
    __wasi_errno_t e = __wasi_path_open(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, path, 0, __WASI_RIGHTS_FD_READ, 0, 0, &fd);
    if (e) {
        printf("open %u:%s: %s\n", dir, path, errname(e));
        return;
    }
    char buf[64];
    __wasi_size_t n;
    MUST(read_str(fd, buf, sizeof buf, &n));
    printf("open %u:%s: [%s]\n", dir, path, buf);
    MUST(__wasi_fd_close(fd));
}

int main(void) {
    for (__wasi_fd_t fd = 3; fd <= 5; fd++) {
        __wasi_prestat_t pre;
        __wasi_errno_t e = __wasi_fd_prestat_get(fd, &pre);
        if (e) {
            printf("prestat %u: %s\n", fd, errname(e));
            continue;
        }
        char name[32] = {0};
        EXPECT("  dir_name with a short buffer", __wasi_fd_prestat_dir_name(fd, (uint8_t *) name, pre.u.dir.pr_name_len - 1));
        MUST(__wasi_fd_prestat_dir_name(fd, (uint8_t *) name, sizeof name));
        __wasi_fdstat_t st;
        MUST(__wasi_fd_fdstat_get(fd, &st));
        printf("prestat %u: tag %u name_len %lu name [%s] filetype %u base 0x%llx inheriting 0x%llx\n", fd, pre.tag,
               pre.u.dir.pr_name_len, name, st.fs_filetype, (unsigned long long) st.fs_rights_base,
               (unsigned long long) st.fs_rights_inheriting);
    }

    try_open(3, "inside.txt");
    try_open(3, "../secret.txt");
    try_open(3, "/secret.txt");
    try_open(3, "/sandbox/inside.txt");
    try_open(3, "sub/../../secret.txt");
    try_open(3, "sub/../inside.txt");
    try_open(3, "sub/../sub/./../inside.txt");
    try_open(3, "./../sandbox/inside.txt");
    try_open(3, "..");
    try_open(3, "sub/..//..");
    try_open(3, "up");
    try_open(3, "abs");
    try_open(3, "sub/inner-up");
    try_open(3, "sub/deep-escape");
    try_open(4, "note.txt");
    try_open(4, "../sandbox/inside.txt");

    __wasi_filestat_t st;
    EXPECT("stat ../secret.txt", __wasi_path_filestat_get(3, 0, "../secret.txt", &st));
    EXPECT("stat .. (nofollow)", __wasi_path_filestat_get(3, 0, "..", &st));
    EXPECT("mkdir ../x", __wasi_path_create_directory(3, "../x"));
    EXPECT("mkdir /x", __wasi_path_create_directory(3, "/x"));
    EXPECT("rmdir ..", __wasi_path_remove_directory(3, ".."));
    EXPECT("unlink ../secret.txt", __wasi_path_unlink_file(3, "../secret.txt"));
    EXPECT("unlink up/ (through an escaping symlink)", __wasi_path_unlink_file(3, "up/"));
    EXPECT("rename ../secret.txt into the sandbox", __wasi_path_rename(3, "../secret.txt", 3, "stolen.txt"));
    EXPECT("rename out to ../out.txt", __wasi_path_rename(3, "inside.txt", 3, "../out.txt"));
    EXPECT("link ../secret.txt into the sandbox", __wasi_path_link(3, 0, "../secret.txt", 3, "stolen.txt"));
    EXPECT("symlink pointing out (allowed, unusable)", __wasi_path_symlink("../secret.txt", 3, "made-up"));
    try_open(3, "made-up");
    EXPECT("symlink through an escaping parent", __wasi_path_symlink("x", 3, "up/../x"));
    EXPECT("set times on ../secret.txt", __wasi_path_filestat_set_times(3, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "../secret.txt", 0, 0, __WASI_FSTFLAGS_MTIM_NOW));
    EXPECT("set times through up", __wasi_path_filestat_set_times(3, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "up", 0, 0, __WASI_FSTFLAGS_MTIM_NOW));
    char buf[64];
    __wasi_size_t used;
    EXPECT("readlink ../x", __wasi_path_readlink(3, "../x", (uint8_t *) buf, sizeof buf, &used));

    /* between the two preopens */
    EXPECT("rename sandbox/inside.txt -> shared/moved.txt", __wasi_path_rename(3, "inside.txt", 4, "moved.txt"));
    EXPECT("link shared/moved.txt -> sandbox/back.txt", __wasi_path_link(4, 0, "moved.txt", 3, "back.txt"));
    try_open(3, "back.txt");

    /* libc picks the preopen by prefix; nothing else is reachable */
    FILE *f = fopen("/shared/note.txt", "r");
    printf("fopen /shared/note.txt: %s\n", f ? "ok" : errname(errno));
    if (f) fclose(f);
    LIBC("open /secret.txt", open("/secret.txt", O_RDONLY));
    LIBC("open /sandbox/../secret.txt", open("/sandbox/../secret.txt", O_RDONLY));
    LIBC("open /shared/../secret.txt", open("/shared/../secret.txt", O_RDONLY));
    LIBC("mkdir /newdir (no preopen)", mkdir("/newdir", 0755));
    return 0;
}
