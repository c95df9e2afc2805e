package dev.wasiplay.web;

import dev.wasiplay.polyfill.RandomSource;
import dev.wasiplay.web.js.TypedArrays;
import org.teavm.jso.crypto.Crypto;
import org.teavm.jso.typedarrays.Int8Array;

/** random_get from crypto.getRandomValues, written straight into the Java array's storage. */
final class CryptoRandom implements RandomSource {
    /** The most getRandomValues fills in one call. */
    private static final int MAX_CHUNK = 65536;

    private final Crypto crypto = Crypto.current();

    @Override
    public void nextBytes(byte[] buffer, int offset, int length) {
        Int8Array all = Int8Array.fromJavaArray(buffer);
        for (int done = 0; done < length; done += MAX_CHUNK) {
            int end = offset + Math.min(length, done + MAX_CHUNK);
            crypto.getRandomValues(TypedArrays.subarray(all, offset + done, end));
        }
    }
}
