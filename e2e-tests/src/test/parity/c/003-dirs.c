/* Directories: mkdir trees, readdir (entries sorted before printing), stat types, rmdir rules, chdir and relative paths. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int compare(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void list(const char *path) {
    DIR *d = opendir(path);
    if (!d) { printf("opendir %s: %s\n", path, strerror(errno)); return; }
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64) names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof *names, compare);
    printf("%s:", path);
    for (int i = 0; i < n; i++) {
        char full[512];
        snprintf(full, sizeof full, "%s/%s", path, names[i]);
        struct stat st;
        const char *kind = stat(full, &st) != 0 ? "?" : S_ISDIR(st.st_mode) ? "dir" : S_ISREG(st.st_mode) ? "file" : "other";
        printf(" %s(%s)", names[i], kind);
        free(names[i]);
    }
    printf("\n");
}

static void touch(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

int main(void) {
    mkdir("/out", 0755);
    printf("mkdir: %d\n", mkdir("/out/cdirs", 0755));
    printf("mkdir again: %d %s\n", mkdir("/out/cdirs", 0755), strerror(errno));
    printf("mkdir nested without parent: %d %s\n", mkdir("/out/cdirs/a/b", 0755), strerror(errno));
    mkdir("/out/cdirs/a", 0755);
    mkdir("/out/cdirs/a/b", 0755);
    mkdir("/out/cdirs/c", 0755);
    touch("/out/cdirs/a/one.txt", "1");
    touch("/out/cdirs/a/b/two.txt", "22");
    touch("/out/cdirs/zeta.txt", "zzz");
    list("/out/cdirs");
    list("/out/cdirs/a");
    list("/out/cdirs/a/b");
    list("/out/cdirs/zeta.txt");
    printf("rmdir non-empty: %d %s\n", rmdir("/out/cdirs/a"), strerror(errno));
    printf("rmdir a file: %d %s\n", rmdir("/out/cdirs/zeta.txt"), strerror(errno));
    printf("rmdir empty: %d\n", rmdir("/out/cdirs/c"));
    printf("unlink a dir: %d %s\n", unlink("/out/cdirs/a"), strerror(errno));
    printf("chdir: %d\n", chdir("/out/cdirs/a"));
    char cwd[256];
    printf("cwd: %s\n", getcwd(cwd, sizeof cwd));
    touch("relative.txt", "made relative to the cwd");
    list(".");
    list("..");
    printf("open ../zeta.txt: %s\n", open("../zeta.txt", O_RDONLY) >= 0 ? "ok" : strerror(errno));
    chdir("/");
    struct stat st;
    printf("stat relative.txt from /: %d, size via full path: %lld\n", stat("relative.txt", &st), stat("/out/cdirs/a/relative.txt", &st) == 0 ? (long long)st.st_size : -1LL);
    printf("rename dir: %d\n", rename("/out/cdirs/a/b", "/out/cdirs/b-moved"));
    list("/out/cdirs");
    return 0;
}
