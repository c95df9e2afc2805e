/* Sleeping until an absolute deadline: clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME) becomes a poll_oneoff clock
   subscription with the "abstime" flag, the way CPython's time.sleep sleeps. A deadline already past returns at once. */
#include <stdio.h>
#include <time.h>

static struct timespec plus_ns(struct timespec t, long ns) {
    t.tv_nsec += ns;
    while (t.tv_nsec >= 1000000000L) t.tv_sec++, t.tv_nsec -= 1000000000L;
    return t;
}

static long long diff_ns(struct timespec a, struct timespec b) {
    return (b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
}

int main(void) {
    struct timespec start, end, past = {0, 0};
    long delays[] = {1000000, 20000000, 100000000};
    for (int i = 0; i < 3; i++) {
        clock_gettime(CLOCK_MONOTONIC, &start);
        struct timespec deadline = plus_ns(start, delays[i]);
        int rc = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL);
        clock_gettime(CLOCK_MONOTONIC, &end);
        printf("sleep until now+%ld ns: rc=%d reached the deadline: %s\n", delays[i], rc, diff_ns(deadline, end) >= 0 ? "yes" : "no");
    }
    clock_gettime(CLOCK_MONOTONIC, &start);
    int rc = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &past, NULL);
    clock_gettime(CLOCK_MONOTONIC, &end);
    printf("deadline in the past: rc=%d returned within a second: %s\n", rc, diff_ns(start, end) < 1000000000LL ? "yes" : "no");
    struct timespec relative = {0, 5000000};
    clock_gettime(CLOCK_MONOTONIC, &start);
    rc = clock_nanosleep(CLOCK_MONOTONIC, 0, &relative, NULL);
    clock_gettime(CLOCK_MONOTONIC, &end);
    printf("relative 5 ms: rc=%d slept at least that long: %s\n", rc, diff_ns(start, end) >= 5000000 ? "yes" : "no");
    return 0;
}
