package dev.wasiplay.host;

import dev.wasiplay.polyfill.RandomSource;
import java.security.SecureRandom;

/** random_get from the JVM's SecureRandom, shared by all runs (SecureRandom is thread-safe). */
final class SecureRandomSource implements RandomSource {
    static final SecureRandomSource INSTANCE = new SecureRandomSource();

    private final SecureRandom random = new SecureRandom();

    private SecureRandomSource() {}

    @Override
    public void nextBytes(byte[] buffer, int offset, int length) {
        if (offset == 0 && length == buffer.length) {
            random.nextBytes(buffer);
            return;
        }
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        System.arraycopy(bytes, 0, buffer, offset, length);
    }
}
