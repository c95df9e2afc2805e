package dev.wasiplay.web;

import dev.wasiplay.web.js.StdinBindings;
import dev.wasiplay.web.js.TypedArrays;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Interactive input over the {@code stdinBuffer} SharedArrayBuffer of the run message (cross-origin isolated
 * pages). The worker sets STATE to WAITING, posts {@code {type: "stdin-request"}} and blocks in
 * {@code Atomics.wait} until the page stores DATA (LENGTH bytes at offset 8) or EOF and notifies; see
 * README.md for the layout.
 */
final class SharedBufferStdin implements StdinChannel {
    private final JSObject buffer;

    SharedBufferStdin(JSObject buffer) {
        this.buffer = buffer;
    }

    @Override
    public byte[] next() {
        StdinBindings.beginSharedRequest(buffer);
        Messages.stdinRequest();
        return copy(StdinBindings.awaitSharedAnswer(buffer));
    }

    /** A Java copy of an answer, or null for end of input. */
    static byte[] copy(Int8Array answer) {
        if (answer == null) {
            return null;
        }
        byte[] bytes = new byte[answer.getLength()];
        TypedArrays.copy(answer, 0, Int8Array.fromJavaArray(bytes), 0, bytes.length);
        return bytes;
    }
}
