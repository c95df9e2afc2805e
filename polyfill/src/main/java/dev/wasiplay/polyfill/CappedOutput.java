package dev.wasiplay.polyfill;

/**
 * An {@link OutputSink} that lets at most {@code maxBytes} through to its target. The write that would pass
 * the cap hands the bytes that still fit to the target, then throws {@link LimitExceeded} (status
 * "output-limit"), which ends the run at once: a guest flooding its output is stopped, not just muted.
 */
public final class CappedOutput implements OutputSink {
    private final OutputSink target;
    private final long maxBytes;
    private final String streamName;
    private long written;

    /**
     * @param streamName "stdout" or "stderr", for the message
     */
    public CappedOutput(OutputSink target, long maxBytes, String streamName) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        this.target = target;
        this.maxBytes = maxBytes;
        this.streamName = streamName;
    }

    /** {@code target} itself when {@code maxBytes} is {@link Long#MAX_VALUE} (no cap), else a capped sink. */
    public static OutputSink of(OutputSink target, long maxBytes, String streamName) {
        return maxBytes == Long.MAX_VALUE ? target : new CappedOutput(target, maxBytes, streamName);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        long room = maxBytes - written;
        if (length <= room) {
            written += length;
            target.write(bytes, offset, length);
            return;
        }
        if (room > 0) {
            written += room;
            target.write(bytes, offset, (int) room);
        }
        throw new LimitExceeded(LimitExceeded.OUTPUT_LIMIT,
                "output limit exceeded: " + streamName + " passed its limit of " + maxBytes + " bytes");
    }

    /** Bytes let through so far. */
    public long written() {
        return written;
    }
}
