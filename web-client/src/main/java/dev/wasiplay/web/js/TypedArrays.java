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
     * copy; encode's buffer is exactly the encoded length).
     */
    @JSByRef
    @JSBody(params = "text", script = "return new Int8Array(new TextEncoder().encode(text).buffer);")
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

    /** A new ArrayBuffer holding a copy of {@code bytes}. */
    public static ArrayBuffer fromJava(byte[] bytes) {
        Int8Array target = new Int8Array(bytes.length);
        copy(Int8Array.fromJavaArray(bytes), 0, target, 0, bytes.length);
        return target.getBuffer();
    }
}
