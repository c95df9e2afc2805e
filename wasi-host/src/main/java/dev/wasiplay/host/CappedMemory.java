package dev.wasiplay.host;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.wasiplay.polyfill.LimitExceeded;
import java.util.function.Function;

/**
 * A guest's linear memory with a cap on its size. Chicory's own memory does the work; this only watches
 * {@link #grow}: a growth the module's declared maximum would allow but the cap does not throws
 * {@link LimitExceeded} ("memory"), which ends the run (instead of the -1 a wasm maximum gives, which most
 * guests would turn into a crash or a hang somewhere far from the cause). Growth past the module's own
 * maximum still answers -1, as the spec says.
 */
final class CappedMemory implements Memory {
    private final Memory memory;
    private final int capPages;

    private CappedMemory(Memory memory, int capPages) {
        this.memory = memory;
        this.capPages = capPages;
    }

    /**
     * The memory factory for {@code Instance.Builder.withMemoryFactory}: a module that starts with more pages
     * than the cap fails to instantiate with {@link LimitExceeded}.
     */
    static Function<MemoryLimits, Memory> factory(int capPages) {
        return limits -> {
            if (limits.initialPages() > capPages) {
                throw startsPastCap(limits.initialPages(), capPages);
            }
            return new CappedMemory(new ByteArrayMemory(limits), capPages);
        };
    }

    /** The limit a module hits when it needs {@code initialPages} to start, more than {@code capPages}. */
    static LimitExceeded startsPastCap(int initialPages, int capPages) {
        return new LimitExceeded(LimitExceeded.MEMORY, "memory limit exceeded: the module needs " + initialPages
                + " pages (" + RunLimits.describePages(initialPages) + ") to start, more than the limit of "
                + capPages + " pages (" + RunLimits.describePages(capPages) + ")");
    }

    /** The limit a guest hits when it grows its memory to {@code wantedPages}, past {@code capPages}. */
    static LimitExceeded growsPastCap(long wantedPages, int capPages) {
        return new LimitExceeded(LimitExceeded.MEMORY, "memory limit exceeded: the guest tried to grow its memory to "
                + wantedPages + " pages (" + RunLimits.describePages(wantedPages) + "), past the limit of " + capPages
                + " pages (" + RunLimits.describePages(capPages) + ")");
    }

    @Override
    public int grow(int size) {
        long wanted = (long) memory.pages() + size;
        if (size > 0 && wanted > capPages && wanted <= memory.maximumPages()) {
            throw growsPastCap(wanted, capPages);
        }
        return memory.grow(size);
    }

    // Everything else is the underlying memory's.

    @Override
    public int pages() {
        return memory.pages();
    }

    @Override
    public int initialPages() {
        return memory.initialPages();
    }

    @Override
    public int maximumPages() {
        return memory.maximumPages();
    }

    @Override
    public boolean shared() {
        return memory.shared();
    }

    @Override
    @SuppressWarnings("removal")
    public Object lock(int address) {
        return memory.lock(address);
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, int expected, long timeout) {
        return memory.waitOn(address, expected, timeout);
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, long expected, long timeout) {
        return memory.waitOn(address, expected, timeout);
    }

    @Override
    @SuppressWarnings("removal")
    public int notify(int address, int maxThreads) {
        return memory.notify(address, maxThreads);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments) {
        memory.initialize(instance, dataSegments);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
        memory.initialize(instance, dataSegments, memoryIndex);
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        memory.initPassiveSegment(segmentId, dest, offset, size);
    }

    @Override
    public void write(int addr, byte[] data, int offset, int size) {
        memory.write(addr, data, offset, size);
    }

    @Override
    public byte read(int addr) {
        return memory.read(addr);
    }

    @Override
    public byte[] readBytes(int addr, int len) {
        return memory.readBytes(addr, len);
    }

    @Override
    public void writeI32(int addr, int data) {
        memory.writeI32(addr, data);
    }

    @Override
    public int readInt(int addr) {
        return memory.readInt(addr);
    }

    @Override
    public void writeLong(int addr, long data) {
        memory.writeLong(addr, data);
    }

    @Override
    public long readLong(int addr) {
        return memory.readLong(addr);
    }

    @Override
    public void writeShort(int addr, short data) {
        memory.writeShort(addr, data);
    }

    @Override
    public short readShort(int addr) {
        return memory.readShort(addr);
    }

    @Override
    public long readU16(int addr) {
        return memory.readU16(addr);
    }

    @Override
    public void writeByte(int addr, byte data) {
        memory.writeByte(addr, data);
    }

    @Override
    public void writeF32(int addr, float data) {
        memory.writeF32(addr, data);
    }

    @Override
    public long readF32(int addr) {
        return memory.readF32(addr);
    }

    @Override
    public float readFloat(int addr) {
        return memory.readFloat(addr);
    }

    @Override
    public void writeF64(int addr, double data) {
        memory.writeF64(addr, data);
    }

    @Override
    public double readDouble(int addr) {
        return memory.readDouble(addr);
    }

    @Override
    public long readF64(int addr) {
        return memory.readF64(addr);
    }

    @Override
    public void zero() {
        memory.zero();
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        memory.fill(value, fromIndex, toIndex);
    }

    @Override
    public void copy(int dest, int src, int size) {
        memory.copy(dest, src, size);
    }

    @Override
    public void drop(int segment) {
        memory.drop(segment);
    }
}
