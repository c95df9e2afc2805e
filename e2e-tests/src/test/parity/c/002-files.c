/* Files through stdio: create under /out, write text and binary, read back with fgets/fread, seek and tell, append,
   rename, remove, and files that must not exist. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int main(void) {
    mkdir("/out", 0755);
    mkdir("/out/cfiles", 0755);
    FILE *f = fopen("/out/cfiles/text.txt", "w");
    if (!f) { perror("fopen"); return 1; }
    for (int i = 0; i < 5; i++) fprintf(f, "line %d: %s\n", i, i % 2 ? "odd" : "even");
    fclose(f);
    f = fopen("/out/cfiles/text.txt", "r");
    char line[128];
    while (fgets(line, sizeof line, f)) printf("read: %s", line);
    printf("eof=%d error=%d\n", feof(f), ferror(f));
    fclose(f);
    unsigned char data[1024];
    for (int i = 0; i < 1024; i++) data[i] = (unsigned char)(i * 7);
    f = fopen("/out/cfiles/data.bin", "wb+");
    printf("fwrite: %zu\n", fwrite(data, 1, sizeof data, f));
    printf("ftell after write: %ld\n", ftell(f));
    fseek(f, 100, SEEK_SET);
    unsigned char back[8];
    printf("fread: %zu ->", fread(back, 1, 8, f));
    for (int i = 0; i < 8; i++) printf(" %02x", back[i]);
    printf("\nftell: %ld\n", ftell(f));
    fseek(f, -4, SEEK_END);
    printf("last four at %ld: %zu bytes\n", ftell(f), fread(back, 1, 8, f));
    rewind(f);
    printf("after rewind: %ld, getc=%d\n", ftell(f), getc(f));
    fclose(f);
    f = fopen("/out/cfiles/text.txt", "a");
    fputs("appended line\n", f);
    fclose(f);
    struct stat st;
    stat("/out/cfiles/text.txt", &st);
    printf("size after append: %lld\n", (long long)st.st_size);
    printf("rename: %d\n", rename("/out/cfiles/text.txt", "/out/cfiles/renamed.txt"));
    printf("old name: %s\n", fopen("/out/cfiles/text.txt", "r") ? "still there" : strerror(errno));
    f = fopen("/out/cfiles/renamed.txt", "r");
    int lines = 0, c;
    while ((c = fgetc(f)) != EOF) if (c == '\n') lines++;
    fclose(f);
    printf("lines in renamed file: %d\n", lines);
    f = fopen("/out/cfiles/temp.txt", "w");
    fclose(f);
    printf("remove: %d, again: %d (%s)\n", remove("/out/cfiles/temp.txt"), remove("/out/cfiles/temp.txt"), strerror(errno));
    f = fopen("/out/cfiles/renamed.txt", "r+");
    fseek(f, 0, SEEK_SET);
    fputs("LINE", f);
    fclose(f);
    f = fopen("/out/cfiles/renamed.txt", "r");
    printf("patched first line: %s", fgets(line, sizeof line, f));
    fclose(f);
    return 0;
}
