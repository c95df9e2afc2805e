package dev.wasiplay.web;

import dev.wasiplay.polyfill.OutputSink;
import dev.wasiplay.web.js.TextDecoder;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The guest's stdout or stderr: every write is decoded at once and posted to the page as
 * {@code {type: "stdout"|"stderr", text}}. One streaming decoder per stream keeps a UTF-8 character that
 * is split across two writes intact.
 */
final class PostingSink implements OutputSink {
    private final String type;
    private final TextDecoder decoder = new TextDecoder("utf-8");
    private boolean atLineStart = true;

    PostingSink(String type) {
        this.type = type;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (length > 0) {
            atLineStart = bytes[offset + length - 1] == '\n';
        }
        post(decoder.decodeChunk(Int8Array.fromJavaArray(bytes), offset, offset + length));
    }

    /** Ends the output with a host line (why the run stopped), on a line of its own as the JVM host does. */
    void postLine(String line) {
        finish();
        post((atLineStart ? "" : "\n") + line + "\n");
        atLineStart = true;
    }

    /** Posts whatever an incomplete character at the end of the output held back. */
    void finish() {
        post(decoder.finish());
    }

    /** Posts text that did not come from the guest (e.g. the trap report). */
    void post(String text) {
        if (!text.isEmpty()) {
            Messages.output(type, text);
        }
    }
}
