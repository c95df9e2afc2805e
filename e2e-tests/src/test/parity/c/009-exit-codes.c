/* exit() with atexit handlers: they run in reverse order, buffered stdout is flushed, and the status is 42. */
#include <stdio.h>
#include <stdlib.h>

static void first(void) { printf("atexit: registered first, runs last\n"); }
static void second(void) { fprintf(stderr, "atexit: registered second, on stderr\n"); }
static void third(void) { printf("atexit: registered third, runs first\n"); }

int main(int argc, char **argv) {
    atexit(first);
    atexit(second);
    atexit(third);
    setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    printf("fully buffered text that exit() must flush\n");
    fprintf(stderr, "about to exit with 42\n");
    exit(argc == 1 ? 42 : atoi(argv[1]));
}
