package dev.wasiplay.polyfill;

/** The time the guest sees, and how it waits. */
public interface WasiClock {
    /** Nanoseconds since the Unix epoch. */
    long realtimeNanos();

    /** Nanoseconds from an arbitrary fixed origin; never goes backwards. */
    long monotonicNanos();

    /** Blocks the calling thread for about {@code nanos} nanoseconds (poll_oneoff on a clock). */
    void sleepNanos(long nanos);

    /** Wall clock and {@code System.nanoTime()}; sleeping spins, so hosts that can block should override it. */
    WasiClock SYSTEM = new WasiClock() {
        @Override
        public long realtimeNanos() {
            return System.currentTimeMillis() * 1_000_000L;
        }

        @Override
        public long monotonicNanos() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) {
            long end = System.nanoTime() + nanos;
            while (System.nanoTime() - end < 0) {
                // spin: portable code has no way to block
            }
        }
    };
}
