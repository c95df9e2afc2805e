/* stdio: printf conversions and flags, stderr, puts/putchar, snprintf truncation, wide formats, unbuffered stdout. */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    printf("hello from C on WASI\n");
    printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d] [%x] [%#X] [%o] [%#o] [%u]\n", 42, 42, 42, 42, 42, 42, 255, 255, 8, 8, 4000000000u);
    printf("[%ld] [%lld] [%" PRId64 "] [%" PRIu64 "] [%zu] [%td] [%hhd] [%hd]\n", LONG_MIN, LLONG_MAX, INT64_MIN, UINT64_MAX,
           sizeof(long double), (ptrdiff_t)-3, (signed char)200, (short)70000);
    printf("[%f] [%.3f] [%10.2f] [%-10.1e] [%g] [%g] [%G] [%a] [%.0f] [%.0f]\n", 3.14159265, 2.0 / 3, -1.5, 12345.678, 0.0001, 1e20, 1e-20, 1.0, 0.5, 1.5);
    printf("[%s] [%10s] [%-10s] [%.3s] [%c] [%%] [%p]\n", "text", "right", "left", "truncate", 'Z', (void *)0);
    printf("[%*d] [%-*d] [%.*f]\n", 6, 7, 6, 7, 2, 3.14159);
    printf("utf-8 passes through: ünïcode ✓ 日本語 🎉\n");
    fprintf(stderr, "to stderr: %s %d\n", "error text", -1);
    puts("puts adds a newline");
    for (char c = 'a'; c <= 'e'; c++) putchar(c);
    putchar('\n');
    char small[8];
    int needed = snprintf(small, sizeof small, "%s-%d", "truncated", 12345);
    printf("snprintf wrote \"%s\", needed %d\n", small, needed);
    char buf[64];
    sprintf(buf, "%08.3f|%+.2e", 3.5, -0.000123);
    printf("sprintf: %s (len %zu)\n", buf, strlen(buf));
    int count = 0;
    printf("chars before n:%n", &count);
    printf(" %d\n", count);
    fflush(stdout);
    setvbuf(stdout, NULL, _IONBF, 0);
    printf("unbuffered ");
    fputs("fputs ", stdout);
    fwrite("fwrite\n", 1, 7, stdout);
    fprintf(stderr, "last line on stderr\n");
    return 0;
}
