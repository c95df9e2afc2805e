package dev.wasiplay.polyfill.vfs;

/**
 * A regular file: bytes in a buffer that grows by doubling, so appends cost amortised O(1). Bytes of the
 * buffer past {@link #size()} are always zero, which is what makes writing past the end zero-fill the gap.
 */
public final class FileNode extends Node {
    private static final byte[] EMPTY = new byte[0];
    private byte[] data = EMPTY;
    private int size;

    FileNode(VirtualFileSystem fs) {
        super(fs);
    }

    @Override
    public byte filetype() {
        return TYPE_REGULAR_FILE;
    }

    @Override
    public long size() {
        return size;
    }

    /** A copy of the content. */
    public byte[] content() {
        byte[] copy = new byte[size];
        System.arraycopy(data, 0, copy, 0, size);
        return copy;
    }

    /** The backing buffer, valid up to {@link #size()}: for copying out without a temporary array. */
    public byte[] data() {
        return data;
    }

    /** Copies up to {@code length} bytes from {@code position}; returns how many (0 at or past the end). */
    public int read(long position, byte[] target, int offset, int length) {
        if (position >= size) {
            return 0;
        }
        int n = (int) Math.min(length, size - position);
        System.arraycopy(data, (int) position, target, offset, n);
        return n;
    }

    /**
     * Makes room for {@code length} bytes at {@code position} and returns the backing buffer to copy them
     * into (then call {@link #written}); null when the file would exceed the filesystem's size limit.
     */
    public byte[] reserve(long position, int length) {
        long end = position + length;
        if (position < 0 || end > fs.maxFileSize) {
            return null;
        }
        ensureCapacity((int) end);
        return data;
    }

    /** Records that bytes up to {@code end} were written into the buffer {@link #reserve} returned. */
    public void written(long end) {
        if (end > size) {
            size = (int) end;
        }
        touchModified();
    }

    /**
     * Writes at {@code position}, zero-filling any gap past the end.
     *
     * @return false when the file would exceed the filesystem's size limit
     */
    public boolean write(long position, byte[] source, int offset, int length) {
        byte[] target = reserve(position, length);
        if (target == null) {
            return false;
        }
        System.arraycopy(source, offset, target, (int) position, length);
        written(position + length);
        return true;
    }

    /** Truncates or zero-extends; false when over the size limit. */
    public boolean setSize(long newSize) {
        if (newSize > fs.maxFileSize || newSize < 0) {
            return false;
        }
        int n = (int) newSize;
        if (n > size) {
            ensureCapacity(n);
        } else {
            java.util.Arrays.fill(data, n, size, (byte) 0);
        }
        size = n;
        touchModified();
        return true;
    }

    /** Replaces the whole content (used to populate the tree). */
    public void setContent(byte[] bytes) {
        data = bytes.length == 0 ? EMPTY : bytes.clone();
        size = bytes.length;
        touchModified();
    }

    private void ensureCapacity(int needed) {
        if (needed <= data.length) {
            return;
        }
        long grown = Math.max(needed, Math.max(64, (long) data.length * 2));
        byte[] bigger = new byte[(int) Math.min(grown, Math.max(needed, fs.maxFileSize))];
        System.arraycopy(data, 0, bigger, 0, size);
        data = bigger;
    }
}
