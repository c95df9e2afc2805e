package dev.wasiplay.host;

import com.dylibso.chicory.runtime.Memory;
import dev.wasiplay.polyfill.GuestMemory;

/**
 * The polyfill's view of a Chicory instance's linear memory. Reads the size from Chicory on every
 * {@link #byteLength()} call, so growth between WASI calls is seen; bulk copies are bulk copies.
 */
final class ChicoryMemory implements GuestMemory {
    private final Memory memory;

    ChicoryMemory(Memory memory) {
        this.memory = memory;
    }

    @Override
    public int byteLength() {
        // At most RUNTIME_MAX_PAGES (32767) pages, so this cannot overflow an int.
        return memory.pages() * Memory.PAGE_SIZE;
    }

    @Override
    public byte getByte(int address) {
        return memory.read(address);
    }

    @Override
    public int getInt(int address) {
        return memory.readInt(address);
    }

    @Override
    public long getLong(int address) {
        return memory.readLong(address);
    }

    @Override
    public void putByte(int address, byte value) {
        memory.writeByte(address, value);
    }

    @Override
    public void putShort(int address, short value) {
        memory.writeShort(address, value);
    }

    @Override
    public void putInt(int address, int value) {
        memory.writeI32(address, value);
    }

    @Override
    public void putLong(int address, long value) {
        memory.writeLong(address, value);
    }

    @Override
    public void read(int address, byte[] target, int offset, int length) {
        // Chicory has no read-into-array; readBytes copies page-wise into a fresh array.
        System.arraycopy(memory.readBytes(address, length), 0, target, offset, length);
    }

    @Override
    public void write(int address, byte[] source, int offset, int length) {
        memory.write(address, source, offset, length);
    }
}
