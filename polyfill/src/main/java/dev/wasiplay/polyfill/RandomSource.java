package dev.wasiplay.polyfill;

/** Bytes for random_get. */
public interface RandomSource {
    void nextBytes(byte[] buffer, int offset, int length);

    /**
     * A seeded, portable generator ({@link SplitMix64}): the same seed gives the same stream in every engine.
     * Not cryptographically secure; hosts pass a secure source for ordinary runs.
     */
    static RandomSource seeded(long seed) {
        return new SplitMix64(seed);
    }
}
