package dev.wasiplay.polyfill;

/** Bytes for random_get. */
public interface RandomSource {
    void nextBytes(byte[] buffer, int offset, int length);

    /**
     * A seeded, portable generator (splitmix64): the same seed gives the same stream in every engine.
     * Not cryptographically secure; hosts pass a secure source for ordinary runs.
     */
    static RandomSource seeded(long seed) {
        return new RandomSource() {
            private long state = seed;

            @Override
            public void nextBytes(byte[] buffer, int offset, int length) {
                int i = 0;
                while (i < length) {
                    state += 0x9E3779B97F4A7C15L;
                    long z = state;
                    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                    z = z ^ (z >>> 31);
                    for (int b = 0; b < 8 && i < length; b++, i++) {
                        buffer[offset + i] = (byte) (z >>> (8 * b));
                    }
                }
            }
        };
    }
}
