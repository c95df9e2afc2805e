package dev.wasiplay.web;

import dev.wasiplay.polyfill.GuestMemory;
import dev.wasiplay.polyfill.LimitExceeded;
import dev.wasiplay.web.js.TypedArrays;
import dev.wasiplay.web.js.WasmMemory;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.DataView;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The guest's {@code WebAssembly.Memory} seen through cached typed-array views.
 *
 * <p>Growing memory replaces {@code memory.buffer} (the old buffer is detached), so {@link #byteLength()},
 * which the polyfill calls at the start of every WASI call, compares the current buffer with the one the
 * views were made for and rebuilds them only when it changed. The guest cannot grow memory during a WASI
 * call, so the other methods use the views as they are.
 *
 * <p>With a cap, the size is checked when the memory is attached and whenever the buffer changed (a growth):
 * past the cap {@link #byteLength()} throws {@link LimitExceeded} ("memory"), which ends the run at the guest's
 * next WASI call. The browser gives a page no hook on {@code memory.grow} of an exported memory, so a guest
 * that grows without calling WASI again is only stopped by its time limit.
 */
public final class BrowserMemory implements GuestMemory {
    private static final boolean LITTLE_ENDIAN = true;

    private final WasmMemory memory;
    private ArrayBuffer buffer;
    private Int8Array bytes;
    private DataView data;
    private int length;
    private final long maxBytes;

    public BrowserMemory(WasmMemory memory) {
        this(memory, Long.MAX_VALUE);
    }

    /** @throws LimitExceeded when the memory is already larger than {@code maxBytes} */
    public BrowserMemory(WasmMemory memory, long maxBytes) {
        this.memory = memory;
        this.maxBytes = maxBytes;
        refresh(memory.getBuffer());
    }

    private void refresh(ArrayBuffer current) {
        buffer = current;
        bytes = new Int8Array(current);
        data = new DataView(current);
        // A 4 GiB memory does not fit an int; the polyfill treats addresses from 2 GiB on as out of range.
        length = (int) Math.min(bytes.getLength(), Integer.MAX_VALUE);
        double size = bytes.getLength();
        if (size > maxBytes) {
            throw new LimitExceeded(LimitExceeded.MEMORY, "memory limit exceeded: the guest's memory grew to "
                    + pages(size) + ", past the limit of " + pages(maxBytes));
        }
    }

    /** "1024 pages (64 MiB)". */
    private static String pages(double bytes) {
        long pages = (long) (bytes / 65536);
        long sixteenths = pages % 16;
        String mib = (pages / 16) + (sixteenths == 0 ? "" : "." + (sixteenths * 625 < 1000 ? "0" : "")
                + trimZeros(sixteenths * 625));
        return pages + " pages (" + mib + " MiB)";
    }

    private static String trimZeros(long digits) {
        while (digits % 10 == 0) {
            digits /= 10;
        }
        return Long.toString(digits);
    }

    @Override
    public int byteLength() {
        ArrayBuffer current = memory.getBuffer();
        if (current != buffer) {
            refresh(current);
        }
        return length;
    }

    @Override
    public byte getByte(int address) {
        return bytes.get(address);
    }

    @Override
    public int getInt(int address) {
        return data.getInt32(address, LITTLE_ENDIAN);
    }

    @Override
    public long getLong(int address) {
        return data.getBigInt64(address, LITTLE_ENDIAN);
    }

    @Override
    public void putByte(int address, byte value) {
        bytes.set(address, value);
    }

    @Override
    public void putShort(int address, short value) {
        data.setInt16(address, value, LITTLE_ENDIAN);
    }

    @Override
    public void putInt(int address, int value) {
        data.setInt32(address, value, LITTLE_ENDIAN);
    }

    @Override
    public void putLong(int address, long value) {
        data.setBigInt64(address, value, LITTLE_ENDIAN);
    }

    @Override
    public void read(int address, byte[] target, int offset, int length) {
        TypedArrays.copy(bytes, address, Int8Array.fromJavaArray(target), offset, length);
    }

    @Override
    public void write(int address, byte[] source, int offset, int length) {
        TypedArrays.copy(Int8Array.fromJavaArray(source), offset, bytes, address, length);
    }
}
