package dev.wasiplay.polyfill;

/**
 * clock_res_get and clock_time_get. Realtime and monotonic come from the {@link WasiClock}; the CPU-time
 * clocks report monotonic time since the instance started (a single-threaded guest is always running).
 */
final class Clocks {
    /** Resolution reported for every clock: 1 µs, what browsers' performance.now() can honestly give. */
    static final long RESOLUTION_NANOS = 1_000;

    private final WasiState state;

    Clocks(WasiState state) {
        this.state = state;
    }

    int resGet(int clockId, int resolutionOut) {
        if (clockId < Flags.CLOCK_REALTIME || clockId > Flags.CLOCK_THREAD_CPUTIME) {
            return Errno.INVAL;
        }
        try {
            state.mem.begin();
            state.mem.putI64(resolutionOut, RESOLUTION_NANOS);
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }

    int timeGet(int clockId, long precision, int timeOut) {
        long now;
        switch (clockId) {
            case Flags.CLOCK_REALTIME:
                now = state.options.clock.realtimeNanos();
                break;
            case Flags.CLOCK_MONOTONIC:
                now = state.options.clock.monotonicNanos();
                break;
            case Flags.CLOCK_PROCESS_CPUTIME:
            case Flags.CLOCK_THREAD_CPUTIME:
                now = state.options.clock.monotonicNanos() - state.startMonotonic;
                break;
            default:
                return Errno.INVAL;
        }
        try {
            state.mem.begin();
            state.mem.putI64(timeOut, now);
            return Errno.SUCCESS;
        } catch (MemoryFault e) {
            return Errno.FAULT;
        }
    }
}
