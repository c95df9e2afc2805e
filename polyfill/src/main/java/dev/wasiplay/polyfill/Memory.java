package dev.wasiplay.polyfill;

import dev.wasiplay.polyfill.vfs.Utf8;

/**
 * Bounds- and alignment-checked access to guest memory. Every WASI call begins with {@link #begin}, which
 * reads the current size once; each access then checks against it and throws {@link WasiTrap} when a
 * pointer is out of range or not aligned to its type (u16: 2, u32 and pointers: 4, u64 and the structs
 * holding one: 8), as wasmtime's wiggle does. Addresses and lengths are wasm u32 values carried in Java
 * ints, so they are read as unsigned.
 */
final class Memory {
    private GuestMemory raw;
    private int size;
    private String call = "";
    /** Scratch for byte copies; grows, never shrinks. */
    private byte[] scratch = new byte[256];
    /** The two path arguments of a call (path_rename, path_link and path_symlink have two). */
    final byte[] pathA;
    final byte[] pathB;

    Memory() {
        pathA = new byte[4096];
        pathB = new byte[4096];
    }

    void attach(GuestMemory memory) {
        this.raw = memory;
    }

    /** Starts a call: reads the memory size and remembers the call's name for trap messages. */
    void begin(String name) {
        if (raw == null) {
            throw new IllegalStateException("WasiPreview1.attach(memory) was not called");
        }
        size = raw.byteLength();
        call = name;
    }

    /**
     * {@link #check(int, long, int)} for a u32 length, in int arithmetic: a Java long is a BigInt in the
     * browser build, and this runs several times per WASI call. Any doubt goes to the long version, which traps.
     */
    void check(int address, int length, int align) {
        if (address < 0 || length < 0 || address > size - length || (address & (align - 1)) != 0) {
            check(address, length & 0xFFFFFFFFL, align);
        }
    }

    /** Traps unless {@code [address, address+length)} lies in memory and {@code address} is {@code align}-aligned. */
    void check(int address, long length, int align) {
        long a = address & 0xFFFFFFFFL;
        if (a + length > size) {
            throw new WasiTrap(call + ": pointer 0x" + Long.toHexString(a) + " (+" + length
                    + " bytes) is outside guest memory (" + size + " bytes)");
        }
        if ((a & (align - 1)) != 0) {
            throw new WasiTrap(call + ": pointer 0x" + Long.toHexString(a) + " is not aligned to " + align + " bytes");
        }
    }

    /** {@code base + offset} as a u32 address; traps when it wraps past 4 GiB. */
    int address(int base, long offset) {
        long a = (base & 0xFFFFFFFFL) + offset;
        if (a > 0xFFFFFFFFL) {
            throw new WasiTrap(call + ": pointer arithmetic overflows 0x" + Long.toHexString(base & 0xFFFFFFFFL)
                    + " + " + offset);
        }
        return (int) a;
    }

    void putU64(int address, long value) {
        check(address, 8, 8);
        raw.putLong(address, value);
    }

    /** Reads without checks: the caller checked the whole struct. */
    int rawU32(int address) {
        return raw.getInt(address);
    }

    long rawU64(int address) {
        return raw.getLong(address);
    }

    int rawU8(int address) {
        return raw.getByte(address) & 0xFF;
    }

    int rawU16(int address) {
        return (raw.getByte(address) & 0xFF) | (raw.getByte(address + 1) & 0xFF) << 8;
    }

    void rawPutU8(int address, int value) {
        raw.putByte(address, (byte) value);
    }

    void rawPutU16(int address, int value) {
        raw.putShort(address, (short) value);
    }

    void rawPutU32(int address, int value) {
        raw.putInt(address, value);
    }

    void rawPutU64(int address, long value) {
        raw.putLong(address, value);
    }

    void read(int address, byte[] target, int offset, int length) {
        check(address, length, 1);
        raw.read(address, target, offset, length);
    }

    void write(int address, byte[] source, int offset, int length) {
        check(address, length, 1);
        raw.write(address, source, offset, length);
    }

    /** A scratch buffer of at least {@code length} bytes, shared by all calls of this instance. */
    byte[] scratch(int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        return scratch;
    }

    /**
     * Copies a path argument into {@code target} (4096 bytes); traps when it is out of bounds. Returns the
     * length, or a negative errno: -ILSEQ when it is not UTF-8 (wasmtime reads paths as Rust strings),
     * -NAMETOOLONG when it is too long to be a path at all.
     */
    int path(int address, int length, byte[] target) {
        long n = length & 0xFFFFFFFFL;
        check(address, n, 1);
        if (n > target.length) {
            return -Errno.NAMETOOLONG;
        }
        raw.read(address, target, 0, (int) n);
        if (!Utf8.isValid(target, 0, (int) n)) {
            return -Errno.ILSEQ;
        }
        return (int) n;
    }
}
