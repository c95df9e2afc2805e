package dev.wasiplay.web;

import dev.wasiplay.polyfill.WasiClock;
import dev.wasiplay.web.js.BrowserTime;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * Time from {@code performance}: realtime is timeOrigin + now() (sub-millisecond), monotonic is now().
 * Sleeping blocks the worker with Atomics.wait when the page is cross-origin isolated, and spins otherwise;
 * it cannot yield to the event loop, because it runs inside a synchronous wasm import.
 */
final class BrowserClock implements WasiClock {
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    /** Null when the worker may not block. */
    private final Int32Array waitCell = BrowserTime.waitCell();

    @Override
    public long realtimeNanos() {
        return (long) (BrowserTime.epochMillis() * NANOS_PER_MILLI);
    }

    @Override
    public long monotonicNanos() {
        return (long) (BrowserTime.monotonicMillis() * NANOS_PER_MILLI);
    }

    @Override
    public void sleepNanos(long nanos) {
        double deadline = BrowserTime.monotonicMillis() + nanos / NANOS_PER_MILLI;
        while (true) {
            double remaining = deadline - BrowserTime.monotonicMillis();
            if (remaining <= 0) {
                return;
            }
            if (waitCell != null) {
                BrowserTime.block(waitCell, remaining);
            }
        }
    }
}
