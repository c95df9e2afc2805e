package dev.wasiplay.polyfill;

/**
 * clock_res_get and clock_time_get. Realtime comes from the {@link WasiClock}; monotonic time counts from
 * the instance's creation, as in wasmtime. The CPU-time clocks (which wasmtime does not offer: it answers
 * BADF) report the instance's monotonic time minus the time it spent asleep in poll_oneoff: a
 * single-threaded guest is always running otherwise.
 */
final class Clocks {
    /** Resolution reported for every clock: 1 µs, what browsers' performance.now() can honestly give. */
    static final long RESOLUTION_NANOS = 1_000;

    private final WasiState state;

    Clocks(WasiState state) {
        this.state = state;
    }

    int resGet(int clockId, int resolutionOut) {
        int err = Flags.enumeration(clockId, 32, 4);
        if (err != Errno.SUCCESS) {
            return err;
        }
        Memory mem = state.mem;
        mem.begin("clock_res_get");
        mem.putU64(resolutionOut, RESOLUTION_NANOS);
        return Errno.SUCCESS;
    }

    int timeGet(int clockId, long precision, int timeOut) {
        int err = Flags.enumeration(clockId, 32, 4);
        if (err != Errno.SUCCESS) {
            return err;
        }
        Memory mem = state.mem;
        mem.begin("clock_time_get");
        mem.check(timeOut, 8, 8);
        mem.rawPutU64(timeOut, now(clockId));
        return Errno.SUCCESS;
    }

    /** A valid clock's reading in nanoseconds. */
    long now(int clockId) {
        WasiClock clock = state.options.clock;
        switch (clockId) {
            case Flags.CLOCK_REALTIME:
                return clock.realtimeNanos();
            case Flags.CLOCK_MONOTONIC:
                return clock.monotonicNanos() - state.startMonotonic;
            default:
                return Math.max(0, clock.monotonicNanos() - state.startMonotonic - state.sleptNanos);
        }
    }
}
