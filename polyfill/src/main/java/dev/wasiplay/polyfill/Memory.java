package dev.wasiplay.polyfill;

import dev.wasiplay.polyfill.vfs.Utf8;

/**
 * Bounds-checked access to guest memory. Every WASI call begins with {@link #begin()}, which reads the
 * current size once; each access then checks against it and throws {@link MemoryFault} (EFAULT).
 * Addresses are wasm u32 values; ones at or above 2 GiB count as out of range.
 */
final class Memory {
    private GuestMemory raw;
    private int size;
    /** Scratch for strings and small copies; grows, never shrinks. */
    private byte[] scratch = new byte[256];

    void attach(GuestMemory memory) {
        this.raw = memory;
    }

    void begin() {
        if (raw == null) {
            throw new IllegalStateException("WasiPreview1.attach(memory) was not called");
        }
        size = raw.byteLength();
    }

    void check(int address, int length) {
        if (address < 0 || length < 0 || address > size - length) {
            throw MemoryFault.INSTANCE;
        }
    }

    byte u8(int address) {
        check(address, 1);
        return raw.getByte(address);
    }

    int i32(int address) {
        check(address, 4);
        return raw.getInt(address);
    }

    long i64(int address) {
        check(address, 8);
        return raw.getLong(address);
    }

    void putU8(int address, int value) {
        check(address, 1);
        raw.putByte(address, (byte) value);
    }

    void putU16(int address, int value) {
        check(address, 2);
        raw.putShort(address, (short) value);
    }

    void putI32(int address, int value) {
        check(address, 4);
        raw.putInt(address, value);
    }

    void putI64(int address, long value) {
        check(address, 8);
        raw.putLong(address, value);
    }

    void read(int address, byte[] target, int offset, int length) {
        check(address, length);
        raw.read(address, target, offset, length);
    }

    void write(int address, byte[] source, int offset, int length) {
        check(address, length);
        raw.write(address, source, offset, length);
    }

    void zero(int address, int length) {
        check(address, length);
        byte[] zeros = scratch(Math.min(length, 4096));
        java.util.Arrays.fill(zeros, 0, Math.min(length, 4096), (byte) 0);
        for (int done = 0; done < length; ) {
            int n = Math.min(length - done, 4096);
            raw.write(address + done, zeros, 0, n);
            done += n;
        }
    }

    /** A scratch buffer of at least {@code length} bytes, shared by all calls of this instance. */
    byte[] scratch(int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        return scratch;
    }

    /** Reads a UTF-8 string; invalid sequences decode to U+FFFD. */
    String string(int address, int length) {
        check(address, length);
        byte[] buf = scratch(length);
        raw.read(address, buf, 0, length);
        return Utf8.decode(buf, 0, length);
    }
}
