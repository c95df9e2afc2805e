/* A guest that traps: after flushing some output it executes an unreachable instruction. There is no exit code from the
   guest; each host reports the trap its own way. */
#include <stdio.h>

int main(void) {
    printf("before the trap\n");
    fprintf(stderr, "stderr before the trap\n");
    fflush(stdout);
    __builtin_trap();
    printf("never printed\n");
    return 0;
}
