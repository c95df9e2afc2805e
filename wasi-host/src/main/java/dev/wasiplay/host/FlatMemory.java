package dev.wasiplay.host;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import dev.wasiplay.polyfill.LimitExceeded;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A guest's (unshared) linear memory as one {@code byte[]} exactly as long as the memory, with an optional cap on
 * its size. Chicory's own memories keep a page table of 64 KiB arrays, so every load and store the guest makes
 * first finds its page and checks it does not cross the page's end; here the JVM's own array bounds check is the
 * only check, which makes memory-heavy guests (CPython is one) markedly faster on the compiled engine (see
 * BENCHMARKS.md). An access outside the memory fails with Chicory's "out of bounds memory access" trap.
 *
 * <p>The price is paid on {@link #grow}: the array is copied into a larger one. Guests grow their memory rarely
 * and in steps (CPython: a few dozen times per run), so this costs little next to what every access saves.
 *
 * <p>The cap: a growth the module's declared maximum would allow but the cap does not throws
 * {@link LimitExceeded} ("memory"), which ends the run (instead of the -1 a wasm maximum gives, which most guests
 * would turn into a crash or a hang far from the cause). Growth past the module's own maximum answers -1, as
 * the spec says.
 */
final class FlatMemory implements Memory {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private final MemoryLimits limits;
    private final int capPages;
    private byte[] bytes;
    private DataSegment[] dataSegments;

    FlatMemory(MemoryLimits limits, int capPages) {
        if (limits.shared()) {
            throw new IllegalArgumentException("FlatMemory is for unshared memories only");
        }
        if (limits.initialPages() > capPages) {
            throw CappedMemory.startsPastCap(limits.initialPages(), capPages);
        }
        this.limits = limits;
        this.capPages = capPages;
        this.bytes = new byte[Memory.bytes(limits.initialPages())];
    }

    @Override
    public int pages() {
        return bytes.length / PAGE_SIZE;
    }

    @Override
    public int grow(int size) {
        int previous = pages();
        long wanted = (long) previous + size;
        if (size < 0 || wanted > maximumPages()) {
            return -1;
        }
        if (wanted > capPages) {
            throw CappedMemory.growsPastCap(wanted, capPages);
        }
        if (size > 0) {
            bytes = Arrays.copyOf(bytes, (int) wanted * PAGE_SIZE);
        }
        return previous;
    }

    @Override
    public int initialPages() {
        return limits.initialPages();
    }

    @Override
    public int maximumPages() {
        return Math.min(limits.maximumPages(), RUNTIME_MAX_PAGES);
    }

    @Override
    public boolean shared() {
        return false;
    }

    // Atomics on an unshared memory: one thread uses it, so plain accesses under this lock are atomic enough.

    @Override
    @SuppressWarnings("removal")
    public Object lock(int address) {
        return this;
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, int expected, long timeout) {
        throw new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, long expected, long timeout) {
        throw new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
    }

    @Override
    @SuppressWarnings("removal")
    public int notify(int address, int maxThreads) {
        return 0;
    }

    @Override
    public void initialize(Instance instance, DataSegment[] segments) {
        initialize(instance, segments, 0);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] segments, int memoryIndex) {
        this.dataSegments = segments;
        if (segments == null) {
            return;
        }
        for (DataSegment segment : segments) {
            if (segment instanceof ActiveDataSegment active) {
                if (active.index() != memoryIndex) {
                    continue;
                }
                int offset = (int) ConstantEvaluators.computeConstantValue(instance, active.offsetInstructions())[0];
                byte[] data = active.data();
                if (!fits(offset, data.length, bytes.length)) {
                    throw new UninstantiableException("out of bounds memory access: data segment of " + data.length
                            + " bytes at " + Integer.toUnsignedString(offset) + " in a memory of " + bytes.length
                            + " bytes");
                }
                System.arraycopy(data, 0, bytes, offset, data.length);
            } else if (!(segment instanceof PassiveDataSegment)) {
                throw new ChicoryException("Data segment should be active or passive: " + segment);
            }
        }
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        write(dest, dataSegments[segmentId].data(), offset, size);
    }

    @Override
    public void drop(int segment) {
        dataSegments[segment] = PassiveDataSegment.EMPTY;
    }

    @Override
    public void write(int addr, byte[] data, int offset, int size) {
        check(offset, size, data.length);
        check(addr, size, bytes.length);
        System.arraycopy(data, offset, bytes, addr, size);
    }

    @Override
    public byte[] readBytes(int addr, int len) {
        check(addr, len, bytes.length);
        return Arrays.copyOfRange(bytes, addr, addr + len);
    }

    @Override
    public void copy(int dest, int src, int size) {
        byte[] memory = bytes;
        check(dest, size, memory.length);
        check(src, size, memory.length);
        System.arraycopy(memory, src, memory, dest, size); // handles overlap like memmove
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        check(fromIndex, toIndex - fromIndex, bytes.length);
        Arrays.fill(bytes, fromIndex, toIndex, value);
    }

    @Override
    public void zero() {
        Arrays.fill(bytes, (byte) 0);
    }

    // Loads and stores: the array's bounds check is the memory's (an address is never negative here: Chicory's
    // compiled code and interpreter reject effective addresses past 2^31 before they get here).

    @Override
    public byte read(int addr) {
        try {
            return bytes[addr];
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 1);
        }
    }

    @Override
    public void writeByte(int addr, byte data) {
        try {
            bytes[addr] = data;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 1);
        }
    }

    @Override
    public short readShort(int addr) {
        try {
            return (short) SHORT.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 2);
        }
    }

    @Override
    public long readU16(int addr) {
        return readShort(addr) & 0xFFFFL;
    }

    @Override
    public void writeShort(int addr, short data) {
        try {
            SHORT.set(bytes, addr, data);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 2);
        }
    }

    @Override
    public int readInt(int addr) {
        try {
            return (int) INT.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 4);
        }
    }

    @Override
    public void writeI32(int addr, int data) {
        try {
            INT.set(bytes, addr, data);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 4);
        }
    }

    @Override
    public long readLong(int addr) {
        try {
            return (long) LONG.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 8);
        }
    }

    @Override
    public void writeLong(int addr, long data) {
        try {
            LONG.set(bytes, addr, data);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 8);
        }
    }

    @Override
    public float readFloat(int addr) {
        try {
            return (float) FLOAT.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 4);
        }
    }

    @Override
    public long readF32(int addr) {
        return readInt(addr);
    }

    @Override
    public void writeF32(int addr, float data) {
        try {
            FLOAT.set(bytes, addr, data);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 4);
        }
    }

    @Override
    public double readDouble(int addr) {
        try {
            return (double) DOUBLE.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 8);
        }
    }

    @Override
    public long readF64(int addr) {
        return readLong(addr);
    }

    @Override
    public void writeF64(int addr, double data) {
        try {
            DOUBLE.set(bytes, addr, data);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 8);
        }
    }

    /** Whether {@code [addr, addr + size)} lies within {@code limit} bytes, addresses read as unsigned. */
    private static boolean fits(int addr, int size, int limit) {
        return size >= 0 && Integer.toUnsignedLong(addr) + size <= limit;
    }

    private void check(int addr, int size, int limit) {
        if (!fits(addr, size, limit)) {
            throw outOfBounds(addr, size);
        }
    }

    private WasmRuntimeException outOfBounds(int addr, int size) {
        return new WasmRuntimeException("out of bounds memory access: attempted to access address: "
                + Integer.toUnsignedString(addr) + " but limit is: " + bytes.length + " and size: " + size);
    }
}
