/*
 * Clocks (all four ids), poll_oneoff (relative and absolute clock subscriptions on the monotonic and
 * realtime clocks, several at once, fd read/write subscriptions on files and stdio, stdin readiness, the
 * errors), sleeping through libc, sched_yield and random_get. Only facts are printed, never times.
 */
#include <time.h>
#include <unistd.h>
#include "wasitest.h"

static __wasi_timestamp_t now(__wasi_clockid_t id) {
    __wasi_timestamp_t t;
    MUST(__wasi_clock_time_get(id, 1, &t));
    return t;
}

static __wasi_subscription_t clock_sub(__wasi_userdata_t userdata, __wasi_clockid_t id, __wasi_timestamp_t timeout,
                                       __wasi_subclockflags_t flags) {
    __wasi_subscription_t s;
    memset(&s, 0, sizeof s);
    s.userdata = userdata;
    s.u.tag = __WASI_EVENTTYPE_CLOCK;
    s.u.u.clock.id = id;
    s.u.u.clock.timeout = timeout;
    s.u.u.clock.flags = flags;
    return s;
}

static __wasi_subscription_t fd_sub(__wasi_userdata_t userdata, __wasi_eventtype_t type, __wasi_fd_t fd) {
    __wasi_subscription_t s;
    memset(&s, 0, sizeof s);
    s.userdata = userdata;
    s.u.tag = type;
    s.u.u.fd_read.file_descriptor = fd;
    return s;
}

/* Monotonic and CPU time spent in the last poll_report's poll_oneoff call alone. */
static __wasi_timestamp_t poll_wall, poll_cpu, poll_thread;

static void poll_report(const char *label, __wasi_subscription_t *subs, size_t n) {
    __wasi_event_t events[8];
    memset(events, 0xAA, sizeof events);
    __wasi_size_t count = 99;
    __wasi_timestamp_t m0 = now(__WASI_CLOCKID_MONOTONIC), c0 = now(__WASI_CLOCKID_PROCESS_CPUTIME_ID),
                       t0 = now(__WASI_CLOCKID_THREAD_CPUTIME_ID);
    __wasi_errno_t e = __wasi_poll_oneoff(subs, events, n, &count);
    poll_thread = now(__WASI_CLOCKID_THREAD_CPUTIME_ID) - t0;
    poll_cpu = now(__WASI_CLOCKID_PROCESS_CPUTIME_ID) - c0;
    poll_wall = now(__WASI_CLOCKID_MONOTONIC) - m0;
    if (e) {
        printf("%s: %s\n", label, errname(e));
        return;
    }
    printf("%s: %lu event(s)\n", label, count);
    for (__wasi_size_t i = 0; i < count; i++) {
        printf("  userdata %llu error %s type %u nbytes %llu flags %u\n", events[i].userdata, errname(events[i].error),
               events[i].type, events[i].fd_readwrite.nbytes, events[i].fd_readwrite.flags);
    }
}

int main(void) {
    for (__wasi_clockid_t id = 0; id < 4; id++) {
        __wasi_timestamp_t res;
        EXPECT("clock_res_get", __wasi_clock_res_get(id, &res));
        printf("  clock %u resolution %llu ns\n", id, res);
    }
    __wasi_timestamp_t t;
    EXPECT("clock_time_get clock 4", __wasi_clock_time_get(4, 0, &t));
    EXPECT("clock_res_get clock 4", __wasi_clock_res_get(4, &t));
    printf("realtime is after 2020: %s\n", now(__WASI_CLOCKID_REALTIME) > 1577836800000000000ULL ? "yes" : "no");
    __wasi_timestamp_t m1 = now(__WASI_CLOCKID_MONOTONIC), m2 = now(__WASI_CLOCKID_MONOTONIC);
    printf("monotonic does not go back: %s\n", m2 >= m1 ? "yes" : "no");
    __wasi_timestamp_t cpu1 = now(__WASI_CLOCKID_PROCESS_CPUTIME_ID);
    printf("cpu time does not exceed monotonic time since start: %s\n", cpu1 <= now(__WASI_CLOCKID_MONOTONIC) ? "yes" : "no");

    /* sleeping: poll_oneoff with one relative clock */
    __wasi_subscription_t subs[4];
    __wasi_timestamp_t before;
    subs[0] = clock_sub(42, __WASI_CLOCKID_MONOTONIC, 20000000, 0);
    poll_report("sleep 20 ms (monotonic, relative)", subs, 1);
    printf("  waited at least 20 ms: %s\n", poll_wall >= 20000000 ? "yes" : "no");
    /* the CPU-time clocks leave the sleep out: they advance at least 15 ms less than the wall clock */
    printf("  cpu clocks left the sleep out: %s %s\n", poll_cpu + 15000000 <= poll_wall ? "yes" : "no",
           poll_thread + 15000000 <= poll_wall ? "yes" : "no");

    before = now(__WASI_CLOCKID_MONOTONIC);
    subs[0] = clock_sub(7, __WASI_CLOCKID_MONOTONIC, before + 20000000, __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME);
    poll_report("until monotonic now + 20 ms (absolute)", subs, 1);
    printf("  reached the deadline: %s\n", now(__WASI_CLOCKID_MONOTONIC) >= before + 20000000 ? "yes" : "no");

    __wasi_timestamp_t wall = now(__WASI_CLOCKID_REALTIME);
    subs[0] = clock_sub(8, __WASI_CLOCKID_REALTIME, wall + 20000000, __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME);
    poll_report("until realtime now + 20 ms (absolute)", subs, 1);
    printf("  reached the deadline: %s\n", now(__WASI_CLOCKID_REALTIME) >= wall + 20000000 ? "yes" : "no");

    subs[0] = clock_sub(9, __WASI_CLOCKID_REALTIME, 15000000, 0);
    poll_report("sleep 15 ms (realtime, relative)", subs, 1);
    printf("  waited at least 15 ms: %s\n", poll_wall >= 15000000 ? "yes" : "no");

    subs[0] = clock_sub(1, __WASI_CLOCKID_MONOTONIC, 5000000000ULL, 0);
    subs[1] = clock_sub(2, __WASI_CLOCKID_MONOTONIC, 10000000, 0);
    poll_report("two clocks, 5 s and 10 ms: the earlier fires", subs, 2);
    printf("  returned long before the later one: %s\n", poll_wall < 2000000000ULL ? "yes" : "no");

    subs[0] = clock_sub(1, __WASI_CLOCKID_MONOTONIC, 1, __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME);
    subs[1] = clock_sub(2, __WASI_CLOCKID_REALTIME, 0, 0);
    poll_report("a past deadline and a zero timeout: both fire at once", subs, 2);

    /* fd subscriptions: files and stdout are always ready */
    __wasi_fd_t file = open_at(ROOT, "data.txt", 0, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0);
    subs[0] = clock_sub(1, __WASI_CLOCKID_MONOTONIC, 5000000000ULL, 0);
    subs[1] = fd_sub(2, __WASI_EVENTTYPE_FD_READ, file);
    subs[2] = fd_sub(3, __WASI_EVENTTYPE_FD_WRITE, file);
    subs[3] = fd_sub(4, __WASI_EVENTTYPE_FD_WRITE, 1);
    poll_report("a file for reading and writing, stdout for writing, and a 5 s clock", subs, 4);
    printf("  did not wait for the clock: %s\n", poll_wall < 2000000000ULL ? "yes" : "no");
    __wasi_filesize_t pos;
    MUST(__wasi_fd_seek(file, 0, __WASI_WHENCE_END, &pos));
    subs[0] = fd_sub(5, __WASI_EVENTTYPE_FD_READ, file);
    poll_report("reading a file at its end (hangup flag)", subs, 1);
    subs[0] = fd_sub(6, __WASI_EVENTTYPE_FD_READ, 0);
    subs[1] = fd_sub(7, __WASI_EVENTTYPE_FD_WRITE, 2);
    poll_report("stdin (has input) and stderr", subs, 2);

    subs[0] = fd_sub(1, __WASI_EVENTTYPE_FD_READ, 99);
    poll_report("a closed fd", subs, 1);
    subs[0] = fd_sub(1, __WASI_EVENTTYPE_FD_READ, 1);
    poll_report("reading stdout", subs, 1);
    subs[0] = fd_sub(1, __WASI_EVENTTYPE_FD_WRITE, 0);
    poll_report("writing stdin", subs, 1);
    subs[0] = fd_sub(1, __WASI_EVENTTYPE_FD_READ, ROOT);
    poll_report("a directory", subs, 1);
    subs[0] = clock_sub(1, __WASI_CLOCKID_MONOTONIC, 1000, 0);
    subs[1] = fd_sub(2, __WASI_EVENTTYPE_FD_READ, 99);
    poll_report("a clock and a closed fd", subs, 2);
    poll_report("no subscriptions", subs, 0);
    subs[0] = clock_sub(1, __WASI_CLOCKID_PROCESS_CPUTIME_ID, 1000, 0);
    subs[1] = clock_sub(2, __WASI_CLOCKID_MONOTONIC, 1000, 0);
    poll_report("a CPU-time clock among others", subs, 2);
    subs[0] = clock_sub(3, __WASI_CLOCKID_THREAD_CPUTIME_ID, 1000, 0);
    poll_report("a lone relative CPU-time clock (wasmtime's sleep fast path)", subs, 1);
    subs[0] = clock_sub(3, __WASI_CLOCKID_PROCESS_CPUTIME_ID, 1000, __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME);
    poll_report("a lone absolute CPU-time clock", subs, 1);

    /* libc sleeping */
    before = now(__WASI_CLOCKID_MONOTONIC);
    struct timespec ts = {0, 25000000};
    LIBC("nanosleep 25 ms", nanosleep(&ts, NULL));
    LIBC("usleep 5 ms", usleep(5000));
    printf("  slept at least 30 ms: %s\n", now(__WASI_CLOCKID_MONOTONIC) - before >= 30000000 ? "yes" : "no");
    struct timespec cpu;
    LIBC("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu));
    LIBC("clock_gettime(CLOCK_MONOTONIC)", clock_gettime(CLOCK_MONOTONIC, &ts));

    EXPECT("sched_yield", __wasi_sched_yield());

    uint8_t a[16], b[16];
    EXPECT("random_get 16", __wasi_random_get(a, sizeof a));
    EXPECT("random_get 16 again", __wasi_random_get(b, sizeof b));
    printf("  two draws differ: %s\n", memcmp(a, b, sizeof a) ? "yes" : "no");
    EXPECT("random_get 0", __wasi_random_get(a, 0));
    static uint8_t big[200000];
    EXPECT("random_get 200000", __wasi_random_get(big, sizeof big));
    int seen[256] = {0}, distinct = 0;
    for (size_t i = 0; i < sizeof big; i++) {
        distinct += !seen[big[i]]++;
    }
    printf("  all 256 byte values appear: %s\n", distinct == 256 ? "yes" : "no");
    return 0;
}
