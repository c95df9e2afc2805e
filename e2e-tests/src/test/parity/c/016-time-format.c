/* Calendar arithmetic on fixed times: gmtime/localtime (UTC in WASI), mktime/timegm round trips, strftime conversions. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <time.h>

int main(void) {
    time_t samples[] = {0, 951782400, 1700000000, 2147483647, 2147483648LL, 4102444800LL, -86400};
    for (unsigned i = 0; i < sizeof samples / sizeof *samples; i++) {
        struct tm tm;
        gmtime_r(&samples[i], &tm);
        char text[128];
        strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S %a %b %j %U %W %u %w %G-W%V %p %I %y %C %e %D %T %s", &tm);
        printf("%12lld -> %s | yday=%d wday=%d\n", (long long)samples[i], text, tm.tm_yday, tm.tm_wday);
        time_t back = timegm(&tm);
        printf("%12s    timegm round trip %s\n", "", back == samples[i] ? "ok" : "MISMATCH");
    }
    struct tm leap = {.tm_year = 124, .tm_mon = 1, .tm_mday = 29, .tm_hour = 12};
    time_t t = mktime(&leap);
    printf("mktime 2024-02-29 12:00 local: %lld, tz offset guess: %ld\n", (long long)t, (long)(timegm(&leap) - t));
    struct tm overflow = {.tm_year = 123, .tm_mon = 11, .tm_mday = 32, .tm_hour = 25, .tm_min = 61};
    timegm(&overflow);
    printf("normalised: %04d-%02d-%02d %02d:%02d\n", overflow.tm_year + 1900, overflow.tm_mon + 1, overflow.tm_mday, overflow.tm_hour, overflow.tm_min);
    printf("difftime: %.1f\n", difftime((time_t)1700003600, (time_t)1700000000));
    char buf[8];
    struct tm any;
    gmtime_r(&samples[2], &any);
    printf("strftime into a small buffer: %zu\n", strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &any));
    char *end = strptime("2024-07-04 09:15:30", "%Y-%m-%d %H:%M:%S", &any);
    printf("strptime: %s rest=\"%s\" -> %lld\n", end ? "parsed" : "failed", end ? end : "", (long long)timegm(&any));
    return 0;
}
