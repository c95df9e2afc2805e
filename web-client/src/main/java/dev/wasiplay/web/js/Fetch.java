package dev.wasiplay.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;

/** fetch, and a way to watch a response body arrive without consuming it. */
public final class Fetch {
    private Fetch() {
    }

    @JSBody(params = "url", script = "return fetch(url);")
    public static native JSPromise<FetchResponse> fetch(String url);

    /**
     * The size of the body as the response stream yields it: Content-Length, or, when the response is
     * content-encoded (then Content-Length counts compressed bytes while the body delivers decompressed ones),
     * the server's X-Uncompressed-Length; null when that is missing.
     */
    @JSBody(params = "response", script = ""
            + "const encoding = response.headers.get('content-encoding');"
            + "return encoding && encoding !== 'identity' ? response.headers.get('x-uncompressed-length')"
            + " : response.headers.get('content-length');")
    public static native String contentLength(FetchResponse response);

    /**
     * A response with the same body, typed {@code application/wasm}, that reports each chunk as it is read
     * and the end of the body. Requires {@code response.body} and {@code TransformStream}.
     */
    @JSBody(params = { "response", "onChunk", "onEnd" }, script = ""
            + "const counted = response.body.pipeThrough(new TransformStream({"
            + "  transform(chunk, controller) { onChunk(chunk.byteLength); controller.enqueue(chunk); },"
            + "  flush() { onEnd(); }"
            + "}));"
            + "return new Response(counted, { headers: { 'Content-Type': 'application/wasm' } });")
    public static native FetchResponse observeBody(FetchResponse response, ChunkListener onChunk, Callback onEnd);

    @JSFunctor
    public interface ChunkListener extends JSObject {
        void chunk(int byteLength);
    }
}
