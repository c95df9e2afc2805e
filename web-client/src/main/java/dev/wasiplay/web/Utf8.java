package dev.wasiplay.web;

import dev.wasiplay.web.js.TypedArrays;

/** UTF-8 encoding by the browser's TextEncoder: TeaVM's String.getBytes takes ~10 ms per MB, this a fraction. */
final class Utf8 {
    private Utf8() {
    }

    static byte[] encode(String text) {
        return TypedArrays.encodeUtf8(text);
    }
}
