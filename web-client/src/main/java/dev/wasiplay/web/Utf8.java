package dev.wasiplay.web;

import dev.wasiplay.web.js.TypedArrays;
import org.teavm.jso.typedarrays.Int8Array;

/** UTF-8 encoding by the browser's TextEncoder: TeaVM's String.getBytes takes ~10 ms per MB, this a fraction. */
final class Utf8 {
    private Utf8() {
    }

    static byte[] encode(String text) {
        Int8Array encoded = TypedArrays.encodeUtf8(text);
        byte[] bytes = new byte[encoded.getLength()];
        TypedArrays.copy(encoded, 0, Int8Array.fromJavaArray(bytes), 0, bytes.length);
        return bytes;
    }
}
