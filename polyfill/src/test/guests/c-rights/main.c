/*
 * Rights: what fd_fdstat_get reports (wasmtime's sets: all rights for files and opened directories minus
 * what the open mode excludes), and fd_fdstat_set_rights narrowing them, which is then enforced
 * (NOTCAPABLE) on the descriptor and, through the inheriting rights, on everything opened from a directory.
 * (wasmtime answers NOTSUP to fd_fdstat_set_rights; the polyfill implements the WASI spec there.)
 */
#include <fcntl.h>
#include <unistd.h>
#include "wasitest.h"

static void rights(const char *label, __wasi_fd_t fd) {
    __wasi_fdstat_t st;
    MUST(__wasi_fd_fdstat_get(fd, &st));
    printf("%s: type %u base 0x%llx inheriting 0x%llx\n", label, st.fs_filetype,
           (unsigned long long) st.fs_rights_base, (unsigned long long) st.fs_rights_inheriting);
}

int main(void) {
    __wasi_fd_t fd;
    /* what an open reports, by mode */
    fd = open_at(ROOT, "file.txt", 0, __WASI_RIGHTS_FD_READ, 0);
    rights("file opened with FD_READ", fd);
    MUST(__wasi_fd_close(fd));
    fd = open_at(ROOT, "file.txt", 0, __WASI_RIGHTS_FD_WRITE, 0);
    rights("file opened with FD_WRITE", fd);
    MUST(__wasi_fd_close(fd));
    fd = open_at(ROOT, "file.txt", 0, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0);
    rights("file opened with both", fd);
    MUST(__wasi_fd_close(fd));
    fd = open_at(ROOT, "file.txt", 0, 0, 0);
    rights("file opened with no rights (read mode)", fd);
    MUST(__wasi_fd_close(fd));
    fd = open_at(ROOT, "file.txt", __WASI_OFLAGS_TRUNC, __WASI_RIGHTS_FD_READ, 0);
    rights("file opened with FD_READ and O_TRUNC (write mode too)", fd);
    MUST(__wasi_fd_close(fd));
    fd = open_at(ROOT, "dir", __WASI_OFLAGS_DIRECTORY, 0, 0);
    rights("directory opened", fd);
    MUST(__wasi_fd_close(fd));
    rights("preopen", ROOT);
    int cfd = open("/file.txt", O_RDONLY);
    rights("libc open O_RDONLY", cfd);
    close(cfd);
    cfd = open("/file.txt", O_WRONLY);
    rights("libc open O_WRONLY", cfd);
    close(cfd);
    printf("libc fcntl F_GETFL of O_RDWR: 0x%x\n", fcntl(cfd = open("/file.txt", O_RDWR), F_GETFL) & O_ACCMODE);
    close(cfd);

    /* narrowing a file */
    fd = open_at(ROOT, "file.txt", 0, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0);
    EXPECT("keep only FD_READ|FD_SEEK|FD_TELL", __wasi_fd_fdstat_set_rights(fd,
           __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK | __WASI_RIGHTS_FD_TELL, 0));
    rights("narrowed file", fd);
    char buf[16];
    __wasi_size_t n, w;
    __wasi_filesize_t pos;
    EXPECT("fd_read", read_str(fd, buf, sizeof buf, &n));
    EXPECT("fd_seek", __wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos));
    EXPECT("fd_tell", __wasi_fd_tell(fd, &pos));
    EXPECT("fd_write", write_str(fd, "x", &w));
    EXPECT("fd_pwrite", __wasi_fd_pwrite(fd, &(__wasi_ciovec_t){(const uint8_t *) "x", 1}, 1, 0, &w));
    __wasi_filestat_t fst;
    EXPECT("fd_filestat_get", __wasi_fd_filestat_get(fd, &fst));
    EXPECT("fd_filestat_set_size", __wasi_fd_filestat_set_size(fd, 0));
    EXPECT("fd_filestat_set_times", __wasi_fd_filestat_set_times(fd, 0, 0, __WASI_FSTFLAGS_MTIM_NOW));
    EXPECT("fd_fdstat_set_flags", __wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_APPEND));
    EXPECT("fd_sync", __wasi_fd_sync(fd));
    EXPECT("fd_datasync", __wasi_fd_datasync(fd));
    EXPECT("fd_advise", __wasi_fd_advise(fd, 0, 0, __WASI_ADVICE_NORMAL));
    EXPECT("fd_allocate", __wasi_fd_allocate(fd, 0, 1));
    __wasi_subscription_t sub = {.userdata = 1, .u = {.tag = __WASI_EVENTTYPE_FD_READ, .u.fd_read = {fd}}};
    __wasi_event_t ev;
    EXPECT("poll_oneoff on it", __wasi_poll_oneoff(&sub, &ev, 1, &n));
    EXPECT("widen again", __wasi_fd_fdstat_set_rights(fd, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0));
    EXPECT("ask for inheriting rights it lacks", __wasi_fd_fdstat_set_rights(fd, __WASI_RIGHTS_FD_READ, __WASI_RIGHTS_FD_READ));
    EXPECT("drop FD_SEEK but keep FD_TELL", __wasi_fd_fdstat_set_rights(fd, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_TELL, 0));
    EXPECT("fd_seek CUR 0 (a tell)", __wasi_fd_seek(fd, 0, __WASI_WHENCE_CUR, &pos));
    EXPECT("fd_seek SET 0", __wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos));
    EXPECT("fd_pread (needs FD_SEEK)", __wasi_fd_pread(fd, &(__wasi_iovec_t){(uint8_t *) buf, 4}, 1, 0, &n));
    EXPECT("drop everything", __wasi_fd_fdstat_set_rights(fd, 0, 0));
    rights("no rights", fd);
    EXPECT("fd_read with no rights", read_str(fd, buf, sizeof buf, &n));
    EXPECT("fd_close still works", __wasi_fd_close(fd));

    /* narrowing a directory: its own path rights, and (inheriting) what files opened through it get */
    __wasi_fd_t dir = open_at(ROOT, "dir", __WASI_OFLAGS_DIRECTORY, 0, 0);
    rights("dir", dir);
    EXPECT("dir: keep PATH_OPEN, stat, RENAME_SOURCE, LINK_SOURCE, REMOVE_DIRECTORY; children get read/tell/stat",
           __wasi_fd_fdstat_set_rights(dir, __WASI_RIGHTS_PATH_OPEN | __WASI_RIGHTS_PATH_FILESTAT_GET
                   | __WASI_RIGHTS_FD_FILESTAT_GET | __WASI_RIGHTS_PATH_RENAME_SOURCE | __WASI_RIGHTS_PATH_LINK_SOURCE
                   | __WASI_RIGHTS_PATH_REMOVE_DIRECTORY,
                   __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_TELL | __WASI_RIGHTS_FD_FILESTAT_GET));
    rights("narrowed dir", dir);
    __wasi_fd_t child;
    EXPECT("open inside.txt asking for read and write", __wasi_path_open(dir, 0, "inside.txt", 0,
           __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0, 0, &child));
    rights("the child", child);
    __wasi_size_t w2;
    EXPECT("child fd_write", write_str(child, "x", &w2));
    EXPECT("child fd_read", read_str(child, buf, sizeof buf, &n));
    EXPECT("child fd_seek", __wasi_fd_seek(child, 0, __WASI_WHENCE_SET, &pos));
    EXPECT("child fd_sync", __wasi_fd_sync(child));
    MUST(__wasi_fd_close(child));
    EXPECT("O_TRUNC (children may not write)", __wasi_path_open(dir, 0, "inside.txt", __WASI_OFLAGS_TRUNC, __WASI_RIGHTS_FD_READ, 0, 0, &child));
    EXPECT("O_CREAT", __wasi_path_open(dir, 0, "new.txt", __WASI_OFLAGS_CREAT, 0, 0, 0, &child));
    EXPECT("path_create_directory", __wasi_path_create_directory(dir, "sub"));
    EXPECT("path_unlink_file", __wasi_path_unlink_file(dir, "inside.txt"));
    EXPECT("path_symlink", __wasi_path_symlink("inside.txt", dir, "link"));
    EXPECT("path_readlink", __wasi_path_readlink(dir, "link", (uint8_t *) buf, sizeof buf, &n));
    EXPECT("path_filestat_get", __wasi_path_filestat_get(dir, 0, "inside.txt", &fst));
    EXPECT("path_filestat_set_times", __wasi_path_filestat_set_times(dir, 0, "inside.txt", 0, 0, __WASI_FSTFLAGS_MTIM_NOW));
    EXPECT("path_rename within it (no RENAME_TARGET)", __wasi_path_rename(dir, "inside.txt", dir, "renamed.txt"));
    EXPECT("path_link from it to the preopen", __wasi_path_link(dir, 0, "inside.txt", ROOT, "linked.txt"));
    EXPECT("path_link into it (no LINK_TARGET)", __wasi_path_link(ROOT, 0, "linked.txt", dir, "again.txt"));
    EXPECT("path_rename from it to the preopen", __wasi_path_rename(dir, "inside.txt", ROOT, "moved-out.txt"));
    EXPECT("path_rename back into it", __wasi_path_rename(ROOT, "moved-out.txt", dir, "inside.txt"));
    EXPECT("fd_readdir", __wasi_fd_readdir(dir, (uint8_t *) buf, sizeof buf, 0, &n));
    EXPECT("fd_filestat_get", __wasi_fd_filestat_get(dir, &fst));
    EXPECT("fd_filestat_set_times", __wasi_fd_filestat_set_times(dir, 0, 0, __WASI_FSTFLAGS_MTIM_NOW));
    EXPECT("path_remove_directory of a missing name (right kept)", __wasi_path_remove_directory(dir, "missing"));
    __wasi_fd_t grandchild_dir;
    MUST(__wasi_path_create_directory(ROOT, "dir/nested"));
    EXPECT("open a subdirectory through it", __wasi_path_open(dir, 0, "nested", __WASI_OFLAGS_DIRECTORY, 0, 0, 0, &grandchild_dir));
    rights("the subdirectory (inherits the narrowing)", grandchild_dir);
    EXPECT("O_CREAT in the subdirectory", __wasi_path_open(grandchild_dir, 0, "x", __WASI_OFLAGS_CREAT, 0, 0, 0, &child));
    MUST(__wasi_fd_close(grandchild_dir));
    MUST(__wasi_fd_close(dir));

    /* rights outside the 30 defined bits, or a u64 that does not fit */
    EXPECT("an undefined rights bit", __wasi_fd_fdstat_set_rights(ROOT, 1ULL << 40, 0));
    EXPECT("rights with the top bit", __wasi_fd_fdstat_set_rights(ROOT, 1ULL << 63, 0));
    EXPECT("path_open asking for an undefined right", __wasi_path_open(ROOT, 0, "file.txt", 0, 1ULL << 30, 0, 0, &fd));
    EXPECT("fd_fdstat_set_rights on a closed fd", __wasi_fd_fdstat_set_rights(77, 0, 0));

    /* stdout can be narrowed too */
    EXPECT("stdout: drop FD_WRITE", __wasi_fd_fdstat_set_rights(1, 0, 0));
    __wasi_size_t ignored;
    __wasi_errno_t e = write_str(1, "unreachable\n", &ignored);
    fprintf(stderr, "fd_write to the narrowed stdout: %s\n", errname(e));
    return 0;
}
