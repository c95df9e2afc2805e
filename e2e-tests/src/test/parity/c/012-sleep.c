/* Sleeping: nanosleep and usleep go through poll_oneoff with a clock subscription; the monotonic clock must advance by at
   least the requested time. Node's built-in WASI hangs in poll_oneoff, so this case does not apply there. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void) {
    long long delays_ns[] = {0, 1000000, 10000000, 50000000};
    for (int i = 0; i < 4; i++) {
        long long before = now_ns();
        struct timespec req = {0, (long)delays_ns[i]};
        int rc = nanosleep(&req, NULL);
        long long slept = now_ns() - before;
        printf("nanosleep(%lld ns) rc=%d slept at least that long: %s\n", delays_ns[i], rc, slept >= delays_ns[i] ? "yes" : "no");
    }
    long long before = now_ns();
    usleep(20000);
    printf("usleep(20000) slept at least 20 ms: %s\n", now_ns() - before >= 20000000 ? "yes" : "no");
    before = now_ns();
    sleep(1);
    printf("sleep(1) slept at least 1 s: %s\n", now_ns() - before >= 1000000000LL ? "yes" : "no");
    return 0;
}
