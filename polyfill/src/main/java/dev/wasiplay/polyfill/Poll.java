package dev.wasiplay.polyfill;

/**
 * poll_oneoff. File and stdout/stderr subscriptions are always ready; stdin is ready when its source
 * says so. When nothing is ready the call sleeps until the earliest clock subscription expires.
 *
 * <p>Layouts: a subscription is 48 bytes (userdata u64 @0, tag u8 @8, then for a clock: id u32 @16,
 * timeout u64 @24, precision u64 @32, flags u16 @40; for an fd: fd u32 @16); an event is 32 bytes
 * (userdata u64 @0, error u16 @8, type u8 @10, nbytes u64 @16, flags u16 @24).
 */
final class Poll {
    static final int SUBSCRIPTION_SIZE = 48;
    static final int EVENT_SIZE = 32;

    private final WasiState state;
    /** Deadline of each clock subscription of the current call, computed once (reused between calls). */
    private long[] deadlines = new long[4];

    Poll(WasiState state) {
        this.state = state;
    }

    int pollOneoff(int in, int out, int count, int neventsOut) {
        if (count <= 0) {
            return Errno.INVAL;
        }
        Memory mem = state.mem;
        try {
            mem.begin();
            mem.check(in, count * SUBSCRIPTION_SIZE);
            mem.check(out, count * EVENT_SIZE);
            mem.check(neventsOut, 4);
            WasiClock clock = state.options.clock;
            int events = 0;
            long earliestDeadline = Long.MAX_VALUE;
            if (deadlines.length < count) {
                deadlines = new long[Math.max(count, deadlines.length * 2)];
            }
            for (int i = 0; i < count; i++) {
                int sub = in + i * SUBSCRIPTION_SIZE;
                int tag = mem.u8(sub + 8);
                if (tag == Flags.EVENT_CLOCK) {
                    long deadline = deadline(mem, sub, clock);
                    deadlines[i] = deadline;
                    if (deadline == Long.MIN_VALUE) {
                        events = event(mem, out, events, mem.i64(sub), Errno.INVAL, tag, 0);
                    } else if (deadline < earliestDeadline) {
                        earliestDeadline = deadline;
                    }
                } else if (tag == Flags.EVENT_FD_READ || tag == Flags.EVENT_FD_WRITE) {
                    events = fdEvent(mem, out, events, sub, tag);
                } else {
                    return Errno.INVAL;
                }
            }
            if (events == 0 && earliestDeadline != Long.MAX_VALUE) {
                long wait = earliestDeadline - clock.monotonicNanos();
                if (wait > 0) {
                    clock.sleepNanos(wait);
                }
                long now = clock.monotonicNanos();
                for (int i = 0; i < count; i++) {
                    int sub = in + i * SUBSCRIPTION_SIZE;
                    if (mem.u8(sub + 8) == Flags.EVENT_CLOCK) {
                        long deadline = deadlines[i];
                        if (deadline != Long.MIN_VALUE && deadline <= Math.max(now, earliestDeadline)) {
                            events = event(mem, out, events, mem.i64(sub), Errno.SUCCESS, Flags.EVENT_CLOCK, 0);
                        }
                    }
                }
            }
            mem.putI32(neventsOut, events);
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    /** The subscription's deadline on the monotonic clock, or MIN_VALUE for an unknown clock id. */
    private long deadline(Memory mem, int sub, WasiClock clock) {
        int clockId = mem.i32(sub + 16);
        long timeout = mem.i64(sub + 24);
        boolean absolute = (mem.u8(sub + 40) & Flags.SUBSCRIPTION_CLOCK_ABSTIME) != 0;
        long monotonicNow = clock.monotonicNanos();
        switch (clockId) {
            case Flags.CLOCK_REALTIME:
                return absolute ? monotonicNow + (timeout - clock.realtimeNanos()) : monotonicNow + timeout;
            case Flags.CLOCK_MONOTONIC:
                return absolute ? timeout : monotonicNow + timeout;
            case Flags.CLOCK_PROCESS_CPUTIME:
            case Flags.CLOCK_THREAD_CPUTIME:
                return absolute ? state.startMonotonic + timeout : monotonicNow + timeout;
            default:
                return Long.MIN_VALUE;
        }
    }

    private int fdEvent(Memory mem, int out, int events, int sub, int type) {
        long userdata = mem.i64(sub);
        int fd = mem.i32(sub + 16);
        Descriptor d = state.fds.get(fd);
        if (d == null) {
            return event(mem, out, events, userdata, Errno.BADF, type, 0);
        }
        if (!d.has(Rights.POLL_FD_READWRITE) && !d.isStdio()) {
            return event(mem, out, events, userdata, Errno.NOTCAPABLE, type, 0);
        }
        if (type == Flags.EVENT_FD_READ) {
            if (d.kind == Descriptor.STDIN) {
                return state.options.stdin.ready() ? event(mem, out, events, userdata, Errno.SUCCESS, type, 1) : events;
            }
            if (d.isFile()) {
                long available = Math.max(0, d.file().size() - d.position);
                return event(mem, out, events, userdata, Errno.SUCCESS, type, available);
            }
            return event(mem, out, events, userdata, Errno.BADF, type, 0);
        }
        if (d.kind == Descriptor.STDIN || d.isDirectory()) {
            return event(mem, out, events, userdata, Errno.BADF, type, 0);
        }
        return event(mem, out, events, userdata, Errno.SUCCESS, type, 0);
    }

    private static int event(Memory mem, int out, int index, long userdata, int errno, int type, long nbytes) {
        int e = out + index * EVENT_SIZE;
        mem.putI64(e, userdata);
        mem.putU16(e + 8, errno);
        mem.putU8(e + 10, type);
        mem.putU8(e + 11, 0);
        mem.putI32(e + 12, 0);
        mem.putI64(e + 16, nbytes);
        mem.putU16(e + 24, 0);
        mem.putU16(e + 26, 0);
        mem.putI32(e + 28, 0);
        return index + 1;
    }
}
