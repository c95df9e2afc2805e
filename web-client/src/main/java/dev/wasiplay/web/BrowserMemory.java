package dev.wasiplay.web;

import dev.wasiplay.polyfill.GuestMemory;
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
 */
public final class BrowserMemory implements GuestMemory {
    private static final boolean LITTLE_ENDIAN = true;

    private final WasmMemory memory;
    private ArrayBuffer buffer;
    private Int8Array bytes;
    private DataView data;
    private int length;

    public BrowserMemory(WasmMemory memory) {
        this.memory = memory;
        refresh(memory.getBuffer());
    }

    private void refresh(ArrayBuffer current) {
        buffer = current;
        bytes = new Int8Array(current);
        data = new DataView(current);
        // A 4 GiB memory does not fit an int; the polyfill treats addresses from 2 GiB on as out of range.
        length = (int) Math.min(bytes.getLength(), Integer.MAX_VALUE);
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
