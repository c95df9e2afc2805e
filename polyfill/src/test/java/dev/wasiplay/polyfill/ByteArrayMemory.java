package dev.wasiplay.polyfill;

/** A GuestMemory over a plain byte array, for driving the polyfill from JVM tests without an engine. */
final class ByteArrayMemory implements GuestMemory {
    final byte[] bytes;

    ByteArrayMemory(int size) {
        bytes = new byte[size];
    }

    @Override
    public int byteLength() {
        return bytes.length;
    }

    @Override
    public byte getByte(int address) {
        return bytes[address];
    }

    @Override
    public int getInt(int address) {
        return (bytes[address] & 0xFF) | (bytes[address + 1] & 0xFF) << 8 | (bytes[address + 2] & 0xFF) << 16
                | (bytes[address + 3] & 0xFF) << 24;
    }

    @Override
    public long getLong(int address) {
        return (getInt(address) & 0xFFFFFFFFL) | ((long) getInt(address + 4)) << 32;
    }

    @Override
    public void putByte(int address, byte value) {
        bytes[address] = value;
    }

    @Override
    public void putShort(int address, short value) {
        bytes[address] = (byte) value;
        bytes[address + 1] = (byte) (value >> 8);
    }

    @Override
    public void putInt(int address, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[address + i] = (byte) (value >>> (8 * i));
        }
    }

    @Override
    public void putLong(int address, long value) {
        for (int i = 0; i < 8; i++) {
            bytes[address + i] = (byte) (value >>> (8 * i));
        }
    }

    @Override
    public void read(int address, byte[] target, int offset, int length) {
        System.arraycopy(bytes, address, target, offset, length);
    }

    @Override
    public void write(int address, byte[] source, int offset, int length) {
        System.arraycopy(source, offset, bytes, address, length);
    }
}
