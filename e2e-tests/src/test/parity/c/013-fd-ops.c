/* Descriptor-level I/O: open flags, write/read/lseek, pread/pwrite, ftruncate (grow and shrink), O_APPEND, fstat sizes,
   readv/writev, fsync and descriptor numbering. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

static void show(int fd, const char *label) {
    char buf[64] = {0};
    off_t size = lseek(fd, 0, SEEK_END);
    pread(fd, buf, sizeof buf - 1, 0);
    printf("%-18s size=%lld content=", label, (long long)size);
    for (off_t i = 0; i < size && i < 63; i++) putchar(buf[i] ? buf[i] : '.');
    putchar('\n');
}

int main(void) {
    mkdir("/out", 0755);
    mkdir("/out/cfd", 0755);
    int fd = open("/out/cfd/data", O_CREAT | O_RDWR | O_TRUNC, 0644);
    printf("first fd: %d\n", fd);
    printf("write: %zd\n", write(fd, "0123456789", 10));
    printf("lseek cur: %lld, set: %lld, end-3: %lld\n", (long long)lseek(fd, 0, SEEK_CUR), (long long)lseek(fd, 2, SEEK_SET),
           (long long)lseek(fd, -3, SEEK_END));
    write(fd, "XYZ", 3);
    show(fd, "after overwrite");
    printf("pwrite: %zd, position unchanged: %lld\n", pwrite(fd, "__", 2, 4), (long long)lseek(fd, 0, SEEK_CUR));
    show(fd, "after pwrite");
    ftruncate(fd, 4);
    show(fd, "truncated to 4");
    ftruncate(fd, 12);
    show(fd, "grown to 12");
    lseek(fd, 20, SEEK_SET);
    write(fd, "!", 1);
    show(fd, "write past end");
    struct iovec out[3] = {{"ab", 2}, {"cde", 3}, {"f", 1}};
    lseek(fd, 0, SEEK_SET);
    printf("writev: %zd\n", writev(fd, out, 3));
    char a[3] = {0}, b[4] = {0};
    struct iovec in[2] = {{a, 2}, {b, 3}};
    lseek(fd, 0, SEEK_SET);
    printf("readv: %zd -> \"%s\" \"%s\"\n", readv(fd, in, 2), a, b);
    printf("fsync: %d, fdatasync: %d\n", fsync(fd), fdatasync(fd));
    struct stat st;
    fstat(fd, &st);
    printf("fstat size: %lld regular: %d\n", (long long)st.st_size, S_ISREG(st.st_mode));
    int fd2 = open("/out/cfd/data", O_WRONLY | O_APPEND);
    printf("second fd: %d\n", fd2);
    lseek(fd2, 0, SEEK_SET);
    write(fd2, "<append>", 8);
    show(fd, "after O_APPEND");
    close(fd2);
    int fd3 = open("/out/cfd/data", O_RDONLY);
    printf("reused fd: %d, write to O_RDONLY: %zd\n", fd3, write(fd3, "x", 1));
    printf("fcntl flags rdonly: %d append: %d\n", (fcntl(fd3, F_GETFL) & O_ACCMODE) == O_RDONLY, (fcntl(fd, F_GETFL) & O_APPEND) != 0);
    close(fd3);
    close(fd);
    return 0;
}
