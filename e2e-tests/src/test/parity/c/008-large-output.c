/* Large output: 50,000 formatted lines on stdout, 5,000 on stderr, and a 4 MB block written with one fwrite. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    unsigned long checksum = 0;
    for (int i = 0; i < 50000; i++) {
        int n = printf("%06d %12lu %.*s\n", i, (unsigned long)i * i, i % 23, "#######################");
        checksum = checksum * 31 + (unsigned long)n;
    }
    for (int i = 0; i < 5000; i++) fprintf(stderr, "stderr line %d\n", i);
    size_t size = 4 * 1024 * 1024;
    char *block = malloc(size);
    for (size_t i = 0; i < size; i++) block[i] = (char)('A' + i % 26);
    block[size - 1] = '\n';
    printf("block follows\n");
    printf("fwrite wrote %zu bytes\n", fwrite(block, 1, size, stdout));
    printf("checksum %lu\n", checksum);
    free(block);
    return 0;
}
