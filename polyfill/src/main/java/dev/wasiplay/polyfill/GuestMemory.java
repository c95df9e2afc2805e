package dev.wasiplay.polyfill;

/**
 * The guest's linear memory, as the polyfill sees it. One implementation per engine: Chicory's
 * {@code Memory} on the JVM, a typed-array view of {@code WebAssembly.Memory.buffer} in the browser.
 *
 * <p>Implementations do no bounds checking of their own: the polyfill checks every address against
 * {@link #byteLength()} before touching memory and traps ({@link WasiTrap}) when a guest pointer is out of range.
 * All multi-byte values are little-endian, as in wasm.
 */
public interface GuestMemory {

    /**
     * Current size in bytes. The guest may grow its memory between two WASI calls (never during one),
     * so the polyfill calls this once at the start of each call; an implementation that caches a view
     * of the backing buffer re-checks it here.
     */
    int byteLength();

    byte getByte(int address);

    int getInt(int address);

    long getLong(int address);

    void putByte(int address, byte value);

    void putShort(int address, short value);

    void putInt(int address, int value);

    void putLong(int address, long value);

    /** Copies {@code length} bytes at {@code address} into {@code target[offset..]}. */
    void read(int address, byte[] target, int offset, int length);

    /** Copies {@code source[offset..offset+length)} to {@code address}. */
    void write(int address, byte[] source, int offset, int length);
}
