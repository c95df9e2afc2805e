package dev.wasiplay.polyfill;

/**
 * Virtual time for deterministic runs: nothing about it depends on the host, so two engines running the same
 * guest see exactly the same readings.
 *
 * <p>Time is a counter of elapsed nanoseconds starting at 0. Realtime reads {@link #START_REALTIME_NANOS} plus
 * it, monotonic reads it (the CPU-time clocks follow monotonic, see {@code Clocks}); <b>every</b> reading
 * (realtime or monotonic, the filesystem's timestamps included) returns the current value and then advances it
 * by {@link #STEP_NANOS}, so time moves forward and two readings always differ. {@link #sleepNanos} does not
 * wait: it advances the counter by the requested time and returns at once, so {@code time.sleep(10)} takes no
 * real time. Time saturates at {@link #MAX_ELAPSED_NANOS} rather than wrap.
 *
 * <p>Consequence worth knowing: a program that waits for time to pass by reading the clock in a loop sees it
 * advance one step per reading (1 ms), whatever work it does in between.
 */
public final class DeterministicClock implements WasiClock {
    /** Where realtime starts: 2024-01-01T00:00:00Z. */
    public static final long START_REALTIME_NANOS = 1_704_067_200_000_000_000L;
    /** How far every clock reading moves time on: 1 ms. */
    public static final long STEP_NANOS = 1_000_000L;
    /** The most time that can elapse (about 146 years): sleeps past it stop there. */
    public static final long MAX_ELAPSED_NANOS = Long.MAX_VALUE / 2;

    private long elapsed;

    @Override
    public long realtimeNanos() {
        return START_REALTIME_NANOS + read();
    }

    @Override
    public long monotonicNanos() {
        return read();
    }

    @Override
    public void sleepNanos(long nanos) {
        advance(nanos);
    }

    /** Elapsed virtual time, without advancing it (for tests and reports). */
    public long elapsedNanos() {
        return elapsed;
    }

    private long read() {
        long now = elapsed;
        advance(STEP_NANOS);
        return now;
    }

    private void advance(long nanos) {
        if (nanos <= 0) {
            return;
        }
        elapsed = nanos >= MAX_ELAPSED_NANOS - elapsed ? MAX_ELAPSED_NANOS : elapsed + nanos;
    }
}
