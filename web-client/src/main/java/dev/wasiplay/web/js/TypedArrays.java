package dev.wasiplay.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/** Typed-array operations missing from TeaVM's bindings. */
public final class TypedArrays {
    private TypedArrays() {
    }

    /** Copies {@code source[from..from+length)} to {@code target[to..]} in one native call. */
    @JSBody(params = { "source", "from", "target", "to", "length" },
            script = "target.set(source.subarray(from, from + length), to);")
    public static native void copy(Int8Array source, int from, Int8Array target, int to, int length);

    /**
     * The UTF-8 of {@code text} (TextEncoder), as a Java array over the encoder's own buffer (by reference: no
     * copy; the buffer is exactly the encoded length). ASCII text, the common case, is encoded with encodeInto
     * straight into an array of its length (encode makes an intermediate copy: ~2x slower on a 5 MB file).
     */
    @JSByRef
    @JSBody(params = "text", script = ""
            + "const encoder = new TextEncoder();"
            + "const ascii = new Uint8Array(text.length);"
            + "if (encoder.encodeInto(text, ascii).read === text.length) return new Int8Array(ascii.buffer);"
            + "return new Int8Array(encoder.encode(text).buffer);")
    public static native byte[] encodeUtf8(String text);

    @JSBody(params = { "array", "from", "to" }, script = "return array.subarray(from, to);")
    public static native Int8Array subarray(Int8Array array, int from, int to);

    /** A copy of an ArrayBuffer's bytes as a Java array. */
    public static byte[] toJava(ArrayBuffer buffer) {
        Int8Array source = new Int8Array(buffer);
        byte[] bytes = new byte[source.getLength()];
        copy(source, 0, Int8Array.fromJavaArray(bytes), 0, bytes.length);
        return bytes;
    }

    /**
     * The ArrayBuffer behind {@code bytes} itself when the array spans all of it (TeaVM's arrays do), for a
     * caller that hands the array over and never touches it again (e.g. to transfer it); else a copy.
     */
    public static ArrayBuffer handOver(byte[] bytes) {
        Int8Array view = Int8Array.fromJavaArray(bytes);
        ArrayBuffer buffer = view.getBuffer();
        return view.getByteOffset() == 0 && buffer.getByteLength() == bytes.length ? buffer : fromJava(bytes);
    }

    /** A new ArrayBuffer holding a copy of {@code bytes}. */
    public static ArrayBuffer fromJava(byte[] bytes) {
        Int8Array target = new Int8Array(bytes.length);
        copy(Int8Array.fromJavaArray(bytes), 0, target, 0, bytes.length);
        return target.getBuffer();
    }
}
