package dev.wasiplay.polyfill;

/**
 * poll_oneoff, as wasmtime implements it.
 *
 * <ul>
 *   <li>No subscriptions: INVAL. A subscription with an unknown type, clock id or flag: INVAL for the
 *       whole call. A read subscription on anything but stdin or a file, or a write subscription on
 *       anything but stdout, stderr or a file: BADF for the whole call. The CPU-time clocks: INVAL.</li>
 *   <li>A single relative clock subscription just sleeps (wasmtime's fast path; its event reports
 *       nbytes 1).</li>
 *   <li>Otherwise the call waits until at least one subscription is ready and reports every ready one,
 *       in subscription order: a clock whose deadline has passed (nbytes 0), a file (always ready, nbytes 1,
 *       flag HANGUP when its position is at or past the end), stdin once its source has input or ended,
 *       stdout and stderr (always ready, nbytes 1).</li>
 * </ul>
 * Realtime deadlines are converted to monotonic ones when the call starts; absolute monotonic deadlines
 * count from the instance's creation, like the monotonic clock. While stdin is not ready the wait is
 * cut into {@link #STDIN_SLICE_NANOS} slices so that input is noticed.
 *
 * <p>Layouts: a subscription is 48 bytes, 8-aligned (userdata u64 @0, tag u8 @8, then for a clock: id
 * u32 @16, timeout u64 @24, precision u64 @32, flags u16 @40; for an fd: fd u32 @16); an event is 32
 * bytes, 8-aligned (userdata u64 @0, error u16 @8, type u8 @10, nbytes u64 @16, flags u16 @24).
 */
final class Poll {
    static final int SUBSCRIPTION_SIZE = 48;
    static final int EVENT_SIZE = 32;
    static final long STDIN_SLICE_NANOS = 10_000_000L;

    private final WasiState state;
    /** Per subscription of the current call: deadline (clocks) or -1; reused between calls. */
    private long[] deadlines = new long[4];
    private Descriptor[] descriptors = new Descriptor[4];

    Poll(WasiState state) {
        this.state = state;
    }

    int pollOneoff(int in, int out, int count, int neventsOut) {
        Memory mem = state.mem;
        mem.begin("poll_oneoff");
        if (count == 0) {
            return Errno.INVAL;
        }
        long n = count & 0xFFFFFFFFL;
        mem.check(in, n * SUBSCRIPTION_SIZE, 8);
        mem.check(out, n * EVENT_SIZE, 8);
        mem.check(neventsOut, 4, 4);
        if (deadlines.length < n) {
            deadlines = new long[(int) Math.max(n, deadlines.length * 2L)];
            descriptors = new Descriptor[deadlines.length];
        }
        WasiClock clock = state.options.clock;
        long start = clock.monotonicNanos();
        for (int i = 0; i < n; i++) {
            int sub = in + i * SUBSCRIPTION_SIZE;
            int tag = mem.rawU8(sub + 8);
            deadlines[i] = -1;
            descriptors[i] = null;
            if (tag == Flags.EVENT_CLOCK) {
                int err = clockDeadline(mem, sub, i, start, n == 1);
                if (err != Errno.SUCCESS) {
                    return err;
                }
            } else if (tag == Flags.EVENT_FD_READ || tag == Flags.EVENT_FD_WRITE) {
                Descriptor d = state.fds.get(mem.rawU32(sub + 16));
                if (d == null) {
                    return Errno.BADF;
                }
                boolean fits = tag == Flags.EVENT_FD_READ
                        ? d.kind == Descriptor.STDIN || d.isFile()
                        : d.kind == Descriptor.STDOUT || d.kind == Descriptor.STDERR || d.isFile();
                if (!fits) {
                    return Errno.BADF;
                }
                if (d.revoked(Rights.POLL_FD_READWRITE)) {
                    return Errno.NOTCAPABLE;
                }
                descriptors[i] = d;
            } else {
                return Errno.INVAL;
            }
        }
        if (n == 1 && mem.rawU8(in + 8) == Flags.EVENT_CLOCK
                && (mem.rawU16(in + 40) & Flags.SUBSCRIPTION_CLOCK_ABSTIME) == 0) {
            long timeout = mem.rawU64(in + 24);
            sleep(clock, timeout < 0 ? Long.MAX_VALUE : timeout);
            event(mem, out, 0, mem.rawU64(in), Flags.EVENT_CLOCK, 1, 0);
            mem.rawPutU32(neventsOut, 1);
            return Errno.SUCCESS;
        }
        boolean lastPass = false;
        while (true) {
            long now = clock.monotonicNanos();
            long earliest = Long.MAX_VALUE;
            boolean stdinPending = false;
            int events = 0;
            for (int i = 0; i < n; i++) {
                int sub = in + i * SUBSCRIPTION_SIZE;
                if (deadlines[i] >= 0) {
                    if (deadlines[i] - now <= 0) {
                        events = event(mem, out, events, mem.rawU64(sub), Flags.EVENT_CLOCK, 0, 0);
                    } else {
                        earliest = Math.min(earliest, deadlines[i]);
                    }
                    continue;
                }
                Descriptor d = descriptors[i];
                int type = mem.rawU8(sub + 8);
                if (d.kind == Descriptor.STDIN && !state.options.stdin.ready()) {
                    stdinPending = true;
                    continue;
                }
                int flags = 0;
                if (type == Flags.EVENT_FD_READ && d.isFile() && d.position >= d.file().size()) {
                    flags = Flags.EVENT_FD_READWRITE_HANGUP;
                }
                events = event(mem, out, events, mem.rawU64(sub), type, 1, flags);
            }
            if (events > 0 || lastPass) {
                mem.rawPutU32(neventsOut, events);
                return Errno.SUCCESS;
            }
            long wait = earliest == Long.MAX_VALUE ? STDIN_SLICE_NANOS : earliest - now;
            if (stdinPending) {
                wait = Math.min(wait, STDIN_SLICE_NANOS);
            }
            long slept = sleep(clock, wait);
            if (!stdinPending) {
                // Woken at the deadline, or early because the host interrupted the sleep: either way the
                // earliest clock has fired, so the guest gets control back at once.
                events = 0;
                for (int i = 0; i < n; i++) {
                    if (deadlines[i] >= 0 && deadlines[i] - earliest <= 0) {
                        int sub = in + i * SUBSCRIPTION_SIZE;
                        events = event(mem, out, events, mem.rawU64(sub), Flags.EVENT_CLOCK, 0, 0);
                    }
                }
                mem.rawPutU32(neventsOut, events);
                return Errno.SUCCESS;
            }
            // Waiting for stdin: a sleep cut short (the host interrupting the guest) ends the wait after one
            // more look, even with nothing ready, so the guest regains control instead of the host spinning.
            lastPass = slept < wait / 2;
        }
    }

    /** Validates a clock subscription and records its monotonic deadline (host time). */
    private int clockDeadline(Memory mem, int sub, int index, long now, boolean single) {
        int id = mem.rawU32(sub + 16);
        int err = Flags.enumeration(id, 32, 4);
        if (err == Errno.SUCCESS) {
            err = Flags.flags(mem.rawU16(sub + 40), 16, Flags.SUBSCRIPTION_CLOCK_ABSTIME);
        }
        if (err != Errno.SUCCESS) {
            return err;
        }
        long timeout = mem.rawU64(sub + 24);
        boolean absolute = (mem.rawU16(sub + 40) & Flags.SUBSCRIPTION_CLOCK_ABSTIME) != 0;
        if (single && !absolute) {
            return Errno.SUCCESS;
        }
        if (absolute && timeout < 0) {
            deadlines[index] = now + Long.MAX_VALUE / 4;
            return Errno.SUCCESS;
        }
        long relative;
        switch (id) {
            case Flags.CLOCK_MONOTONIC:
                relative = absolute ? timeout - (now - state.startMonotonic) : timeout;
                break;
            case Flags.CLOCK_REALTIME:
                relative = absolute ? timeout - state.options.clock.realtimeNanos() : timeout;
                break;
            default:
                return Errno.INVAL;
        }
        if (!absolute && relative < 0) {
            relative = Long.MAX_VALUE / 4;
        }
        deadlines[index] = now + Math.max(0, Math.min(relative, Long.MAX_VALUE / 4));
        return Errno.SUCCESS;
    }

    /** Sleeps and returns how long the sleep really took (it counts as neither process nor thread CPU time). */
    private long sleep(WasiClock clock, long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        long before = clock.monotonicNanos();
        clock.sleepNanos(nanos);
        long slept = Math.max(0, clock.monotonicNanos() - before);
        state.sleptNanos += slept;
        return slept;
    }

    /** Writes event {@code index} (fields only, as wasmtime) and returns the next index. */
    private static int event(Memory mem, int out, int index, long userdata, int type, long nbytes, int flags) {
        int e = out + index * EVENT_SIZE;
        mem.rawPutU64(e, userdata);
        mem.rawPutU16(e + 8, Errno.SUCCESS);
        mem.rawPutU8(e + 10, type);
        mem.rawPutU64(e + 16, nbytes);
        mem.rawPutU16(e + 24, flags);
        return index + 1;
    }
}
