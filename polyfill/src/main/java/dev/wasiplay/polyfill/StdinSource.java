package dev.wasiplay.polyfill;

/** Where the guest's fd 0 reads from. */
public interface StdinSource {
    /**
     * Blocks until at least one byte is available or input ends, then copies up to {@code length}
     * bytes into {@code buffer[offset..]}.
     *
     * @return the number of bytes copied (1..length), or -1 at end of input
     */
    int read(byte[] buffer, int offset, int length);

    /** Whether a {@link #read} would return at once (used by poll_oneoff). */
    default boolean ready() {
        return true;
    }

    /** No input: every read is end of input. */
    StdinSource EMPTY = (buffer, offset, length) -> -1;

    /** Reads the given bytes, then end of input. */
    static StdinSource of(byte[] bytes) {
        return new StdinSource() {
            private int position;

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= bytes.length) {
                    return -1;
                }
                int n = Math.min(length, bytes.length - position);
                System.arraycopy(bytes, position, buffer, offset, n);
                position += n;
                return n;
            }
        };
    }
}
