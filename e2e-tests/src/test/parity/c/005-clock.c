/* Clocks: realtime and monotonic, resolutions, time(), gmtime/strftime of now, the process CPU-time clock. The values come from the host
   clock, so the output is reproducible only in deterministic mode. */
#include <stdio.h>
#include <time.h>

int main(void) {
    struct timespec rt, mono1, mono2, res;
    clock_gettime(CLOCK_REALTIME, &rt);
    clock_gettime(CLOCK_MONOTONIC, &mono1);
    volatile unsigned long sink = 0;
    for (unsigned long i = 0; i < 2000000; i++) sink += i;
    clock_gettime(CLOCK_MONOTONIC, &mono2);
    printf("realtime: %lld.%09ld\n", (long long)rt.tv_sec, rt.tv_nsec);
    printf("monotonic: %lld.%09ld -> %lld.%09ld\n", (long long)mono1.tv_sec, mono1.tv_nsec, (long long)mono2.tv_sec, mono2.tv_nsec);
    long long elapsed = (mono2.tv_sec - mono1.tv_sec) * 1000000000LL + (mono2.tv_nsec - mono1.tv_nsec);
    printf("monotonic never goes back: %s, elapsed ns: %lld\n", elapsed >= 0 ? "yes" : "no", elapsed);
    clock_getres(CLOCK_REALTIME, &res);
    printf("realtime resolution: %lld.%09ld\n", (long long)res.tv_sec, res.tv_nsec);
    clock_getres(CLOCK_MONOTONIC, &res);
    printf("monotonic resolution: %lld.%09ld\n", (long long)res.tv_sec, res.tv_nsec);
    time_t now = time(NULL);
    char text[64];
    strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S %Z", gmtime(&now));
    printf("time(): %lld = %s\n", (long long)now, text);
    strftime(text, sizeof text, "%A %j", localtime(&now));
    printf("localtime: %s\n", text);
    struct timespec cpu;
    int rc = clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
    printf("process cputime clock: rc=%d %lld.%09ld\n", rc, (long long)cpu.tv_sec, rc == 0 ? cpu.tv_nsec : 0L);
    printf("sink: %lu\n", sink);
    return 0;
}
