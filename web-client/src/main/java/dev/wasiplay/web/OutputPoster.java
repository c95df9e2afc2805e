package dev.wasiplay.web;

import dev.wasiplay.polyfill.WasiClock;
import dev.wasiplay.web.js.BrowserTime;
import dev.wasiplay.web.js.JsStrings;

/**
 * Posts one run's stdout and stderr text to the page, in write order, without one message per write.
 *
 * <p>Posting a message costs far more than a typical write (CPython with {@code -u} writes each line and its
 * newline separately): 20,000 prints were 40,000 messages, most of the run's time, and as many DOM appends
 * on the page. So a write is posted at once only when nothing was posted for {@link #INTERVAL_MS}; writes
 * coming faster are joined and posted together with the first write after the interval. Pending text is also
 * posted when the other stream writes (so stdout and stderr keep their order), before the guest sleeps
 * ({@link #flushingBefore}), and when the run ends ({@link PostingSink#finish}). What is still pending when
 * the guest stops making WASI calls (a burst of output followed by a long computation) arrives at its next
 * write, sleep or exit: a worker running wasm cannot run a timer. Code that makes the guest wait for
 * something else (interactive stdin) must call {@link #flush} first.
 */
final class OutputPoster {
    static final double INTERVAL_MS = 10;

    private String pendingType;
    private String pendingText = "";
    private double lastPost = Double.NEGATIVE_INFINITY;

    /** Takes decoded text written to {@code type} ("stdout" or "stderr"). */
    void write(String type, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (pendingType != null && !pendingType.equals(type)) {
            flush();
        }
        pendingType = type;
        pendingText = JsStrings.concat(pendingText, text);
        if (BrowserTime.monotonicMillis() - lastPost >= INTERVAL_MS) {
            flush();
        }
    }

    /** Posts whatever is pending. */
    void flush() {
        if (pendingType != null) {
            Messages.output(pendingType, pendingText);
            pendingType = null;
            pendingText = "";
        }
        lastPost = BrowserTime.monotonicMillis();
    }

    /** {@code clock}, flushing pending output before every sleep. */
    WasiClock flushingBefore(WasiClock clock) {
        return new WasiClock() {
            @Override
            public long realtimeNanos() {
                return clock.realtimeNanos();
            }

            @Override
            public long monotonicNanos() {
                return clock.monotonicNanos();
            }

            @Override
            public void sleepNanos(long nanos) {
                flush();
                clock.sleepNanos(nanos);
            }
        };
    }
}
