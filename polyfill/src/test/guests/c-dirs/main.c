/*
 * Directories: path_create_directory and path_remove_directory with their errors, fd_readdir (".", ".."
 * with wasmtime's d_ino, entries in creation order, cookies that stay valid while entries come and go,
 * buffers too small for one entry, resuming from a cookie), and libc's opendir/readdir/mkdir/rmdir.
 */
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include "wasitest.h"

static const char *type_name(uint8_t t) {
    switch (t) {
        case __WASI_FILETYPE_DIRECTORY: return "dir";
        case __WASI_FILETYPE_REGULAR_FILE: return "file";
        case __WASI_FILETYPE_SYMBOLIC_LINK: return "symlink";
        default: return "other";
    }
}

/* Lists a directory fd from `cookie` with a buffer of `size` bytes, one call; returns the last cookie. */
static __wasi_dircookie_t list(__wasi_fd_t fd, __wasi_dircookie_t cookie, size_t size, __wasi_inode_t dir_ino) {
    static uint8_t buf[4096];
    __wasi_size_t used;
    MUST(__wasi_fd_readdir(fd, buf, size, cookie, &used));
    printf("  readdir(cookie %llu, %zu bytes) used %lu%s\n", cookie, size, used, size > 0 && used == size ? " (full)" : "");
    size_t at = 0;
    __wasi_dircookie_t last = cookie;
    while (at + sizeof(__wasi_dirent_t) <= used) {
        __wasi_dirent_t d;
        memcpy(&d, buf + at, sizeof d);
        if (at + sizeof d + d.d_namlen > used) {
            printf("  (cut: %.*s...)\n", (int) (used - at - sizeof d), (char *) buf + at + sizeof d);
            break;
        }
            printf("  [%.*s] %s, next %llu, ino %s\n", (int) d.d_namlen, (char *) buf + at + sizeof d,
               type_name(d.d_type), d.d_next, d.d_ino == dir_ino ? "= directory's" : "other");
        last = d.d_next;
        at += sizeof d + d.d_namlen;
    }
    return last;
}

static __wasi_inode_t ino_of(__wasi_fd_t dir, const char *path) {
    __wasi_filestat_t st;
    MUST(__wasi_path_filestat_get(dir, 0, path, &st));
    return st.ino;
}

int main(void) {
    EXPECT("mkdir a", __wasi_path_create_directory(ROOT, "a"));
    EXPECT("mkdir a again", __wasi_path_create_directory(ROOT, "a"));
    EXPECT("mkdir a/b/ (trailing slash)", __wasi_path_create_directory(ROOT, "a/b/"));
    EXPECT("mkdir missing/c", __wasi_path_create_directory(ROOT, "missing/c"));
    EXPECT("mkdir file.txt/c", __wasi_path_create_directory(ROOT, "file.txt/c"));
    EXPECT("mkdir file.txt", __wasi_path_create_directory(ROOT, "file.txt"));
    EXPECT("mkdir .", __wasi_path_create_directory(ROOT, "."));
    EXPECT("mkdir a/..", __wasi_path_create_directory(ROOT, "a/.."));
    EXPECT("mkdir empty path", __wasi_path_create_directory(ROOT, ""));

    EXPECT("rmdir a (not empty)", __wasi_path_remove_directory(ROOT, "a"));
    EXPECT("rmdir file.txt", __wasi_path_remove_directory(ROOT, "file.txt"));
    EXPECT("rmdir file.txt/", __wasi_path_remove_directory(ROOT, "file.txt/"));
    EXPECT("rmdir missing", __wasi_path_remove_directory(ROOT, "missing"));
    EXPECT("rmdir .", __wasi_path_remove_directory(ROOT, "."));
    EXPECT("rmdir a/b/ (cap-std: rmdir of \".\" inside it)", __wasi_path_remove_directory(ROOT, "a/b/"));
    EXPECT("rmdir a/b", __wasi_path_remove_directory(ROOT, "a/b"));
    EXPECT("rmdir a/b again", __wasi_path_remove_directory(ROOT, "a/b"));

    /* readdir: a directory with entries of each type, added in a known order */
    MUST(__wasi_path_create_directory(ROOT, "list"));
    __wasi_fd_t f;
    MUST(__wasi_path_open(ROOT, 0, "list/zeta.txt", __WASI_OFLAGS_CREAT, 0, 0, 0, &f));
    MUST(__wasi_fd_close(f));
    MUST(__wasi_path_create_directory(ROOT, "list/sub"));
    MUST(__wasi_path_symlink("zeta.txt", ROOT, "list/link"));
    MUST(__wasi_path_open(ROOT, 0, "list/alpha", __WASI_OFLAGS_CREAT, 0, 0, 0, &f));
    MUST(__wasi_fd_close(f));

    __wasi_fd_t dir = open_at(ROOT, "list", __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_READDIR, 0);
    __wasi_inode_t dir_ino = ino_of(ROOT, "list");
    printf("whole listing:\n");
    list(dir, 0, 4096, dir_ino);
    printf("entries' d_ino against path_filestat_get (no follow):\n");
    {
        static uint8_t buf[4096];
        __wasi_size_t used;
        MUST(__wasi_fd_readdir(dir, buf, sizeof buf, 2, &used));
        size_t at = 0;
        while (at < used) {
            __wasi_dirent_t d;
            memcpy(&d, buf + at, sizeof d);
            char name[64];
            snprintf(name, sizeof name, "list/%.*s", (int) d.d_namlen, (char *) buf + at + sizeof d);
            printf("  %s: %s\n", name, d.d_ino == ino_of(ROOT, name) ? "same inode" : "DIFFERENT inode");
            at += sizeof d + d.d_namlen;
        }
    }

    printf("a 30-byte buffer holds one entry and cuts the next:\n");
    __wasi_dircookie_t c = list(dir, 0, 30, dir_ino);
    printf("resume from cookie %llu with small buffers:\n", c);
    while (1) {
        __wasi_dircookie_t next = list(dir, c, 40, dir_ino);
        if (next == c) break;
        c = next;
    }
    printf("a buffer smaller than a dirent header:\n");
    list(dir, 0, 10, dir_ino);
    printf("a zero-length buffer:\n");
    list(dir, 0, 0, dir_ino);
    printf("a cookie past the end:\n");
    list(dir, 1000, 4096, dir_ino);

    printf("remove sub, then add new.txt: cookies already handed out stay valid\n");
    MUST(__wasi_path_remove_directory(ROOT, "list/sub"));
    MUST(__wasi_path_open(ROOT, 0, "list/new.txt", __WASI_OFLAGS_CREAT, 0, 0, 0, &f));
    MUST(__wasi_fd_close(f));
    list(dir, 4, 4096, dir_ino);

    __wasi_size_t used;
    uint8_t small[64];
    __wasi_fd_t file = open_at(ROOT, "list/alpha", 0, 0, 0);
    EXPECT("fd_readdir on a file", __wasi_fd_readdir(file, small, sizeof small, 0, &used));
    EXPECT("fd_readdir on a closed fd", __wasi_fd_readdir(99, small, sizeof small, 0, &used));
    MUST(__wasi_fd_close(dir));

    /* an empty directory lists "." and ".." only */
    dir = open_at(ROOT, "a", __WASI_OFLAGS_DIRECTORY, 0, 0);
    printf("empty directory:\n");
    list(dir, 0, 4096, ino_of(ROOT, "a"));

    /* the directory of an open fd can be removed; it then cannot be listed (Linux: ENOENT) nor take anything new */
    EXPECT("rmdir a while open", __wasi_path_remove_directory(ROOT, "a"));
    EXPECT("fd_readdir on the removed directory", __wasi_fd_readdir(dir, small, sizeof small, 0, &used));
    __wasi_filestat_t st;
    MUST(__wasi_fd_filestat_get(dir, &st));
    printf("removed directory nlink %llu\n", st.nlink);
    EXPECT("create in the removed directory", __wasi_path_create_directory(dir, "x"));
    __wasi_fd_t x;
    EXPECT("O_CREAT in the removed directory", __wasi_path_open(dir, 0, "x", __WASI_OFLAGS_CREAT, 0, 0, 0, &x));
    MUST(__wasi_fd_close(dir));

    /* nlink of directories: 2 + subdirectories */
    MUST(__wasi_path_create_directory(ROOT, "n"));
    MUST(__wasi_path_create_directory(ROOT, "n/one"));
    MUST(__wasi_path_create_directory(ROOT, "n/two"));
    MUST(__wasi_path_filestat_get(ROOT, 0, "n", &st));
    printf("n: nlink %llu, type %u, size %llu\n", st.nlink, st.filetype, st.size);

    /* libc */
    LIBC("mkdir /libc", mkdir("/libc", 0755));
    LIBC("mkdir /libc again", mkdir("/libc", 0755));
    fclose(fopen("/libc/f1", "w"));
    fclose(fopen("/libc/f2", "w"));
    DIR *d = opendir("/libc");
    struct dirent *e;
    int count = 0;
    while ((e = readdir(d)) != NULL) {
        printf("libc readdir: %s (%s)\n", e->d_name, e->d_type == DT_DIR ? "dir" : e->d_type == DT_REG ? "file" : "?");
        count++;
    }
    closedir(d);
    LIBC("rmdir /libc (not empty)", rmdir("/libc"));
    LIBC("opendir a file", (long) (opendir("/libc/f1") ? 0 : -1));
    return 0;
}
