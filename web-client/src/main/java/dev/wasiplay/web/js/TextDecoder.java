package dev.wasiplay.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSClass;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;

/** A UTF-8 {@code TextDecoder} used as a stream: a character split across two chunks still decodes. */
@JSClass
public class TextDecoder implements JSObject {
    public TextDecoder(String label) {
    }

    /** Decodes {@code bytes[from..to)}, holding back an incomplete trailing character for the next call. */
    @JSBody(params = { "bytes", "from", "to" }, script = "return this.decode(bytes.subarray(from, to), { stream: true });")
    public native String decodeChunk(Int8Array bytes, int from, int to);

    /** Ends the stream: whatever was held back decodes (as U+FFFD if incomplete). */
    @JSBody(script = "return this.decode();")
    public native String finish();
}
