package dev.wasiplay.web;

import dev.wasiplay.polyfill.OutputSink;
import dev.wasiplay.web.js.TextDecoder;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The guest's stdout or stderr: every write is decoded at once and handed to the run's {@link OutputPoster},
 * which posts it to the page as {@code {type: "stdout"|"stderr", text}} (joining writes that come faster than
 * it posts). One streaming decoder per stream keeps a UTF-8 character that is split across two writes intact.
 */
final class PostingSink implements OutputSink {
    private final String type;
    private final OutputPoster poster;
    private final TextDecoder decoder = new TextDecoder("utf-8");
    private boolean atLineStart = true;

    PostingSink(String type, OutputPoster poster) {
        this.type = type;
        this.poster = poster;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (length > 0) {
            atLineStart = bytes[offset + length - 1] == '\n';
        }
        poster.write(type, decoder.decodeChunk(Int8Array.fromJavaArray(bytes), offset, offset + length));
    }

    /** Ends the output with a host line (why the run stopped), on a line of its own as the JVM host does. */
    void postLine(String line) {
        finish();
        post((atLineStart ? "" : "\n") + line + "\n");
        poster.flush();
        atLineStart = true;
    }

    /** Posts whatever an incomplete character at the end of the output held back, and all pending output. */
    void finish() {
        poster.write(type, decoder.finish());
        poster.flush();
    }

    /** Posts text that did not come from the guest (e.g. the trap report), after the guest's own. */
    void post(String text) {
        poster.write(type, text);
    }
}
