/* proc_exit: output written before is kept (libc flushes), the code reaches the host, nothing after runs. */
#include <unistd.h>
#include "wasitest.h"

int main(void) {
    printf("buffered stdout, flushed by exit()\n");
    fprintf(stderr, "stderr before exit\n");
    __wasi_fd_t fd = open_at(ROOT, "written-before-exit.txt", __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_WRITE, 0);
    __wasi_size_t w;
    MUST(write_str(fd, "kept", &w));
    exit(42);
    printf("never printed\n");
    return 0;
}
