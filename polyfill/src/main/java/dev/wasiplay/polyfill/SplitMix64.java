package dev.wasiplay.polyfill;

/**
 * A seeded {@link RandomSource}: Steele, Lea and Flood's SplitMix64, on {@code long} arithmetic only, so the
 * JVM and TeaVM's JavaScript (where a long is a BigInt) produce the identical byte stream for a seed.
 *
 * <p>The stream is the generator's 64-bit outputs, each written little-endian (least significant byte first),
 * one after another. Bytes left over from an output are handed out by the next call, so the stream does not
 * depend on how the guest splits its {@code random_get} calls. Not cryptographically secure: it is for
 * reproducible runs (deterministic mode) and tests; ordinary runs use the host's secure source.
 */
public final class SplitMix64 implements RandomSource {
    private long state;
    private long word;
    /** Bytes of {@link #word} not handed out yet (0..8), taken from its low end. */
    private int wordBytesLeft;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The next 64-bit output. */
    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void nextBytes(byte[] buffer, int offset, int length) {
        int i = 0;
        while (i < length && wordBytesLeft > 0) {
            buffer[offset + i++] = (byte) word;
            word >>>= 8;
            wordBytesLeft--;
        }
        while (length - i >= 8) {
            long z = nextLong();
            int at = offset + i;
            buffer[at] = (byte) z;
            buffer[at + 1] = (byte) (z >>> 8);
            buffer[at + 2] = (byte) (z >>> 16);
            buffer[at + 3] = (byte) (z >>> 24);
            buffer[at + 4] = (byte) (z >>> 32);
            buffer[at + 5] = (byte) (z >>> 40);
            buffer[at + 6] = (byte) (z >>> 48);
            buffer[at + 7] = (byte) (z >>> 56);
            i += 8;
        }
        if (i < length) {
            word = nextLong();
            wordBytesLeft = 8;
            while (i < length) {
                buffer[offset + i++] = (byte) word;
                word >>>= 8;
                wordBytesLeft--;
            }
        }
    }
}
