/* Memory: many malloc/free rounds, a 64 MB allocation, realloc growth with content kept, calloc zeroing, and the wasm
   memory size (in 64 KiB pages) growing as the heap does. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t fnv(const unsigned char *p, size_t n) {
    uint32_t h = 2166136261u;
    while (n--) h = (h ^ *p++) * 16777619u;
    return h;
}

int main(void) {
    size_t pages_before = __builtin_wasm_memory_size(0);
    void *blocks[1000];
    for (int round = 0; round < 20; round++) {
        for (int i = 0; i < 1000; i++) blocks[i] = malloc((size_t)(i * 37 % 4096) + 1);
        for (int i = 0; i < 1000; i += 2) free(blocks[i]);
        for (int i = 1; i < 1000; i += 2) free(blocks[i]);
    }
    printf("small blocks done\n");
    size_t big_size = 64u << 20;
    unsigned char *big = malloc(big_size);
    printf("64 MB malloc: %s\n", big ? "ok" : "failed");
    for (size_t i = 0; i < big_size; i += 4096) big[i] = (unsigned char)(i >> 12);
    printf("pages grew: %s\n", __builtin_wasm_memory_size(0) > pages_before + 1000 ? "yes" : "no");
    uint32_t h = 0;
    for (size_t i = 0; i < big_size; i += 4096) h = h * 31 + big[i];
    printf("sampled hash: %u\n", h);
    free(big);
    char *grow = malloc(16);
    strcpy(grow, "keep me");
    for (size_t size = 32; size <= (8u << 20); size *= 2) {
        grow = realloc(grow, size);
        grow[size - 1] = 'x';
    }
    printf("realloc kept: %s\n", grow);
    free(grow);
    int *zeros = calloc(1 << 20, sizeof(int));
    long nonzero = 0;
    for (int i = 0; i < (1 << 20); i++) nonzero += zeros[i] != 0;
    printf("calloc nonzero ints: %ld\n", nonzero);
    free(zeros);
    unsigned char pattern[4096];
    for (int i = 0; i < 4096; i++) pattern[i] = (unsigned char)(i * i);
    printf("pattern hash: %08x\n", fnv(pattern, sizeof pattern));
    volatile size_t impossible_size = SIZE_MAX - 4096; /* volatile: the compiler may not assume the call succeeds */
    void *volatile impossible = malloc(impossible_size);
    printf("malloc(SIZE_MAX - 4096): %s\n", impossible ? "succeeded" : "NULL");
    return 0;
}
