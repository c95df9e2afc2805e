package dev.wasiplay.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.Int32Array;

/** Clocks and blocking waits in a worker. */
public final class BrowserTime {
    private BrowserTime() {
    }

    /** Milliseconds since the Unix epoch, with the sub-millisecond precision of performance.now(). */
    @JSBody(script = "return typeof performance.timeOrigin === 'number'"
            + " ? performance.timeOrigin + performance.now() : Date.now();")
    public static native double epochMillis();

    /** Milliseconds since the worker started; never goes backwards. */
    @JSBody(script = "return performance.now();")
    public static native double monotonicMillis();

    /**
     * A one-element Int32Array over a SharedArrayBuffer on which Atomics.wait works, or null where the
     * worker may not block (SharedArrayBuffer needs a cross-origin isolated page).
     */
    @JSBody(script = ""
            + "if (typeof SharedArrayBuffer !== 'function' || typeof Atomics !== 'object') return null;"
            + "try { const cell = new Int32Array(new SharedArrayBuffer(4)); Atomics.wait(cell, 0, 0, 0); return cell; }"
            + "catch (e) { return null; }")
    public static native Int32Array waitCell();

    /** Blocks the worker for up to {@code millis} ms (fractions allowed); nothing ever notifies the cell. */
    @JSBody(params = { "cell", "millis" }, script = "Atomics.wait(cell, 0, 0, millis);")
    public static native void block(Int32Array cell, double millis);
}
