/* args_sizes_get, args_get, environ_sizes_get, environ_get: through libc and raw. */
#include "wasitest.h"

extern char **environ;

int main(int argc, char **argv) {
    printf("argc %d\n", argc);
    for (int i = 0; i < argc; i++) {
        printf("argv[%d] = [%s] (%zu bytes)\n", i, argv[i], strlen(argv[i]));
    }
    for (char **e = environ; *e; e++) {
        printf("env [%s]\n", *e);
    }
    printf("getenv(GREETING) = [%s]\n", getenv("GREETING"));
    printf("getenv(MISSING) = %s\n", getenv("MISSING") ? "set" : "null");

    __wasi_size_t count, size;
    MUST(__wasi_args_sizes_get(&count, &size));
    printf("args_sizes_get: %lu args, %lu bytes\n", count, size);
    char *buf = malloc(size);
    char **ptrs = malloc(count * sizeof *ptrs);
    MUST(__wasi_args_get((uint8_t **) ptrs, (uint8_t *) buf));
    printf("args_get: first pointer is the buffer: %s, strings are contiguous: %s\n",
           (char *) ptrs[0] == buf ? "yes" : "no",
           count < 2 || ptrs[1] == ptrs[0] + strlen(ptrs[0]) + 1 ? "yes" : "no");
    printf("last byte is NUL: %s\n", buf[size - 1] == 0 ? "yes" : "no");

    MUST(__wasi_environ_sizes_get(&count, &size));
    printf("environ_sizes_get: %lu vars, %lu bytes\n", count, size);
    char *ebuf = malloc(size);
    char **eptrs = malloc(count * sizeof *eptrs);
    MUST(__wasi_environ_get((uint8_t **) eptrs, (uint8_t *) ebuf));
    for (__wasi_size_t i = 0; i < count; i++) {
        printf("environ_get[%lu] = [%s]\n", i, eptrs[i]);
    }
    return argc;
}
