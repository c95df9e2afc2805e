package dev.wasiplay.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The blocking halves of interactive stdin (see the web-client README, "Interactive stdin"): Atomics over the
 * page's SharedArrayBuffer, or a synchronous request answered by the page's service worker.
 */
public final class StdinBindings {
    private StdinBindings() {
    }

    /** Whether {@code data.stdinBuffer} is a SharedArrayBuffer with room for the header and some data. */
    @JSBody(params = "data", script = ""
            + "const candidate = data.stdinBuffer;"
            + "return typeof SharedArrayBuffer === 'function' && candidate instanceof SharedArrayBuffer && candidate.byteLength > 8;")
    public static native boolean hasSharedBuffer(JSObject data);

    @JSBody(params = "data", script = "return data.stdinBuffer;")
    public static native JSObject sharedBuffer(JSObject data);

    /** STATE = WAITING (0): the page may answer from now on. */
    @JSBody(params = "buffer", script = "Atomics.store(new Int32Array(buffer, 0, 2), 0, 0);")
    public static native void beginSharedRequest(JSObject buffer);

    /**
     * Blocks until STATE leaves WAITING; returns a copy of the LENGTH bytes at offset 8 when it is DATA (1),
     * null when it is EOF (2).
     */
    @JSBody(params = "buffer", script = ""
            + "const control = new Int32Array(buffer, 0, 2);"
            + "while (Atomics.load(control, 0) === 0) Atomics.wait(control, 0, 0);"
            + "if (Atomics.load(control, 0) !== 1) return null;"
            + "const length = Math.max(0, Math.min(Atomics.load(control, 1), buffer.byteLength - 8));"
            + "return new Int8Array(buffer, 8, length).slice();")
    public static native Int8Array awaitSharedAnswer(JSObject buffer);

    /**
     * POSTs to {@code url} synchronously until the answer's {@code X-WasiPlay-Stdin} header says "data" (the
     * body is the input) or "eof"; "retry" (the service worker's wait timed out) asks again. A few network
     * errors in a row, or any other answer, end with {@code error} set.
     */
    @JSBody(params = "url", script = ""
            + "let failures = 0;"
            + "for (;;) {"
            + "  const request = new XMLHttpRequest();"
            + "  request.open('POST', url, false);"
            + "  request.responseType = 'arraybuffer';"
            + "  try { request.send(); } catch (e) {"
            + "    if (++failures < 3) continue;"
            + "    return { data: null, error: String(e && e.message || e) };"
            + "  }"
            + "  failures = 0;"
            + "  const kind = request.getResponseHeader('X-WasiPlay-Stdin');"
            + "  if (kind === 'retry') continue;"
            + "  if (kind === 'eof') return { data: null, error: null };"
            + "  if (kind === 'data') return { data: new Int8Array(request.response), error: null };"
            + "  return { data: null, error: 'no service worker answered ' + url + ' (HTTP ' + request.status + ')' };"
            + "}")
    public static native Answer requestSynchronously(String url);

    /** What {@link #requestSynchronously} returns. */
    public interface Answer extends JSObject {
        /** The input; null at end of input or on error. */
        @JSProperty
        Int8Array getData();

        /** Why no input could be had, or null. */
        @JSProperty
        String getError();
    }
}
