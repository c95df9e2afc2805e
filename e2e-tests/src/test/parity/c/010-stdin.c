/* stdin: read every line with getline, count bytes/words/lines, echo each line reversed and upper-cased, detect EOF. */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long bytes = 0, lines = 0, words = 0;
    while ((len = getline(&line, &cap, stdin)) != -1) {
        bytes += len;
        lines++;
        int in_word = 0;
        for (ssize_t i = 0; i < len; i++) {
            if (isspace((unsigned char)line[i])) in_word = 0;
            else if (!in_word) in_word = 1, words++;
        }
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
        printf("%3ld: ", lines);
        for (ssize_t i = len - 1; i >= 0; i--) putchar(toupper((unsigned char)line[i]));
        putchar('\n');
    }
    printf("bytes=%ld lines=%ld words=%ld eof=%d\n", bytes, lines, words, feof(stdin));
    printf("getc after EOF: %d\n", getc(stdin));
    free(line);
    return 0;
}
