/* errno from failing calls: missing files, wrong file types, existing targets, bad descriptors, and strerror texts. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TRY(label, expr)                                                                            \
    do {                                                                                          \
        errno = 0;                                                                                \
        long result = (long)(expr);                                                               \
        printf("%-28s -> %ld errno=%d (%s)\n", label, result, errno, errno ? strerror(errno) : "-"); \
    } while (0)

int main(void) {
    mkdir("/out", 0755);
    mkdir("/out/cerr", 0755);
    mkdir("/out/cerr/dir", 0755);
    mkdir("/out/cerr/full", 0755);
    close(open("/out/cerr/full/f", O_CREAT | O_WRONLY, 0644));
    close(open("/out/cerr/file", O_CREAT | O_WRONLY, 0644));
    TRY("open missing", open("/out/cerr/missing", O_RDONLY));
    TRY("open dir for writing", open("/out/cerr/dir", O_WRONLY));
    TRY("open excl existing", open("/out/cerr/file", O_CREAT | O_EXCL | O_WRONLY, 0644));
    TRY("open file as dir", open("/out/cerr/file/x", O_RDONLY));
    TRY("open O_DIRECTORY on file", open("/out/cerr/file", O_RDONLY | O_DIRECTORY));
    TRY("mkdir existing", mkdir("/out/cerr/dir", 0755));
    TRY("mkdir missing parent", mkdir("/out/cerr/no/such", 0755));
    TRY("rmdir non-empty", rmdir("/out/cerr/full"));
    TRY("rmdir a file", rmdir("/out/cerr/file"));
    TRY("unlink a directory", unlink("/out/cerr/dir"));
    TRY("unlink missing", unlink("/out/cerr/missing"));
    TRY("rename missing", rename("/out/cerr/missing", "/out/cerr/x"));
    TRY("rename dir onto file", rename("/out/cerr/dir", "/out/cerr/file"));
    TRY("rename file onto dir", rename("/out/cerr/file", "/out/cerr/dir"));
    TRY("close bad fd", close(12345));
    TRY("read bad fd", read(12345, NULL, 0));
    char buf[4];
    int dirfd = open("/out/cerr/dir", O_RDONLY | O_DIRECTORY);
    TRY("read a directory fd", read(dirfd, buf, sizeof buf));
    TRY("lseek on stdin", lseek(0, 0, SEEK_CUR));
    TRY("opendir a file", opendir("/out/cerr/file"));
    TRY("chdir to a file", chdir("/out/cerr/file"));
    TRY("stat empty path", stat("", &(struct stat){0}));
    TRY("path above the root", open("/../outside", O_RDONLY));
    for (int e = 1; e <= 76; e += 15) printf("strerror(%d) = %s\n", e, strerror(e));
    printf("EINVAL=%d ENOENT=%d EEXIST=%d EISDIR=%d ENOTDIR=%d ENOTEMPTY=%d EBADF=%d ENOTCAPABLE=%d\n", EINVAL, ENOENT, EEXIST,
           EISDIR, ENOTDIR, ENOTEMPTY, EBADF, ENOTCAPABLE);
    return 0;
}
