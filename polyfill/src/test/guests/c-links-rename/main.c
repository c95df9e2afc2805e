/*
 * Hard links, renames and unlinking: path_link (shared inode, nlink, refused for directories, existing
 * names, following), path_rename within and across directories (over files, over empty and non-empty
 * directories, into itself, trailing slashes, ".", same inode), path_unlink_file, and an unlinked file that
 * stays usable through an open descriptor.
 */
#include <stdio.h>
#include <unistd.h>
#include "wasitest.h"

static void stat_report(const char *path) {
    __wasi_filestat_t st;
    __wasi_errno_t e = __wasi_path_filestat_get(ROOT, 0, path, &st);
    if (e) {
        printf("  %s: %s\n", path, errname(e));
    } else {
        printf("  %s: type %u nlink %llu size %llu\n", path, st.filetype, st.nlink, st.size);
    }
}

static __wasi_inode_t ino(const char *path) {
    __wasi_filestat_t st;
    MUST(__wasi_path_filestat_get(ROOT, 0, path, &st));
    return st.ino;
}

#define RENAME(label, from, to) EXPECT(label, __wasi_path_rename(ROOT, from, ROOT, to))

int main(void) {
    /* hard links */
    EXPECT("link a.txt -> b.txt", __wasi_path_link(ROOT, 0, "a.txt", ROOT, "b.txt"));
    printf("same inode: %s\n", ino("a.txt") == ino("b.txt") ? "yes" : "no");
    stat_report("a.txt");
    __wasi_fd_t fd = open_at(ROOT, "b.txt", 0, __WASI_RIGHTS_FD_WRITE, __WASI_FDFLAGS_APPEND);
    __wasi_size_t w;
    MUST(write_str(fd, " + more", &w));
    MUST(__wasi_fd_close(fd));
    EXPECT("link into a subdirectory", __wasi_path_link(ROOT, 0, "a.txt", ROOT, "d/c.txt"));
    stat_report("d/c.txt");
    EXPECT("link over an existing name", __wasi_path_link(ROOT, 0, "a.txt", ROOT, "other.txt"));
    EXPECT("link to itself", __wasi_path_link(ROOT, 0, "a.txt", ROOT, "a.txt"));
    EXPECT("link a directory", __wasi_path_link(ROOT, 0, "d", ROOT, "d2"));
    EXPECT("link \".\"", __wasi_path_link(ROOT, 0, ".", ROOT, "dot"));
    EXPECT("link a missing file", __wasi_path_link(ROOT, 0, "missing", ROOT, "m"));
    EXPECT("link with a trailing slash on the new name", __wasi_path_link(ROOT, 0, "a.txt", ROOT, "new/"));
    EXPECT("link with a trailing slash on the old name", __wasi_path_link(ROOT, 0, "a.txt/", ROOT, "new"));
    EXPECT("link into a missing directory", __wasi_path_link(ROOT, 0, "a.txt", ROOT, "missing/x"));
    EXPECT("link with SYMLINK_FOLLOW", __wasi_path_link(ROOT, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "a.txt", ROOT, "f"));
    MUST(__wasi_path_symlink("nowhere", ROOT, "dangling"));
    EXPECT("link a dangling symlink (the link itself)", __wasi_path_link(ROOT, 0, "dangling", ROOT, "dangling2"));
    stat_report("dangling2");
    EXPECT("link over a dangling symlink", __wasi_path_link(ROOT, 0, "a.txt", ROOT, "dangling"));

    /* unlink */
    EXPECT("unlink b.txt", __wasi_path_unlink_file(ROOT, "b.txt"));
    stat_report("a.txt");
    EXPECT("unlink b.txt again", __wasi_path_unlink_file(ROOT, "b.txt"));
    EXPECT("unlink a directory", __wasi_path_unlink_file(ROOT, "d"));
    EXPECT("unlink d/ (trailing slash)", __wasi_path_unlink_file(ROOT, "d/"));
    EXPECT("unlink a.txt/ (trailing slash)", __wasi_path_unlink_file(ROOT, "a.txt/"));
    EXPECT("unlink .", __wasi_path_unlink_file(ROOT, "."));

    /* an open file outlives its last name */
    fd = open_at(ROOT, "other.txt", 0, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0);
    MUST(__wasi_path_unlink_file(ROOT, "other.txt"));
    __wasi_filestat_t st;
    MUST(__wasi_fd_filestat_get(fd, &st));
    char buf[64];
    __wasi_size_t n;
    MUST(read_str(fd, buf, sizeof buf, &n));
    printf("unlinked but open: nlink %llu, content [%s]\n", st.nlink, buf);
    MUST(write_str(fd, "still writable", &w));
    MUST(__wasi_fd_close(fd));
    stat_report("other.txt");

    /* rename */
    RENAME("rename a.txt -> renamed.txt", "a.txt", "renamed.txt");
    stat_report("a.txt");
    stat_report("renamed.txt");
    RENAME("rename a missing file", "a.txt", "x");
    RENAME("rename a file over another file", "renamed.txt", "victim.txt");
    RENAME("rename into another directory", "victim.txt", "d/moved.txt");
    RENAME("rename a file over a directory", "d/moved.txt", "empty");
    RENAME("rename a file written with a trailing slash", "d/moved.txt/", "x");
    RENAME("rename onto another name of the same file (nothing happens)", "d/c.txt", "d/moved.txt");
    stat_report("d/c.txt");
    stat_report("d/moved.txt");
    RENAME("rename a directory over a file", "empty", "d/moved.txt");
    RENAME("rename a directory over a non-empty directory", "empty", "d");
    RENAME("rename a directory into itself", "d", "d/sub");
    RENAME("rename into a missing directory", "d", "d/deeper/x");
    MUST(__wasi_path_create_directory(ROOT, "d/deeper"));
    RENAME("rename a directory into its own subdirectory", "d", "d/deeper/x");
    RENAME("rename a file onto its own parent directory", "d/c.txt", "d");
    RENAME("rename a directory over an empty directory", "d/deeper", "empty");
    stat_report("empty");
    RENAME("rename a directory with trailing slashes", "empty/", "moved-dir/");
    stat_report("moved-dir");
    RENAME("rename \".\"", ".", "dot");
    RENAME("rename onto \".\"", "d/c.txt", "d/.");
    RENAME("rename \"..\"", "d/..", "dotdot");
    RENAME("rename to the same name", "d/c.txt", "d/c.txt");
    RENAME("rename a file to a name with a trailing slash (cap-std drops it)", "d/moved.txt", "x/");
    stat_report("x");
    RENAME("rename a symlink (not its target)", "dangling", "renamed-link");
    __wasi_size_t used;
    MUST(__wasi_path_readlink(ROOT, "renamed-link", (uint8_t *) buf, sizeof buf, &used));
    printf("renamed link still points at [%.*s]\n", (int) used, buf);

    /* renaming keeps an open directory fd working, and moves its contents */
    __wasi_fd_t dir = open_at(ROOT, "moved-dir", __WASI_OFLAGS_DIRECTORY, 0, 0);
    MUST(__wasi_path_open(dir, 0, "inside.txt", __WASI_OFLAGS_CREAT, 0, 0, 0, &fd));
    MUST(__wasi_fd_close(fd));
    RENAME("rename the open directory", "moved-dir", "d/final");
    MUST(__wasi_path_open(dir, 0, "second.txt", __WASI_OFLAGS_CREAT, 0, 0, 0, &fd));
    MUST(__wasi_fd_close(fd));
    MUST(__wasi_fd_close(dir));

    /* libc */
    LIBC("rename()", rename("/d/c.txt", "/libc-renamed.txt"));
    LIBC("link()", link("/libc-renamed.txt", "/libc-link.txt"));
    LIBC("unlink()", unlink("/libc-link.txt"));
    LIBC("remove() a file", remove("/renamed-link"));
    LIBC("rename() over a non-empty directory", rename("/d/final", "/d"));
    return 0;
}
