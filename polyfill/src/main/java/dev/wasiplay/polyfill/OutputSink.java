package dev.wasiplay.polyfill;

/** Where the guest's fd 1 or fd 2 writes go. The bytes are only valid during the call: copy them. */
public interface OutputSink {
    void write(byte[] bytes, int offset, int length);

    /** Drops everything. */
    OutputSink DISCARD = (bytes, offset, length) -> { };
}
