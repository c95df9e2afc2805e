package dev.wasiplay.polyfill.vfs;

import java.util.ArrayList;
import java.util.List;

/**
 * A directory. Names are UTF-8 byte strings, looked up straight from a guest's path bytes (a hash table
 * with chaining), so resolving a path allocates nothing.
 *
 * <p>Entries keep the order they were added in; each gets a sequence number when added, which is its
 * fd_readdir cookie, so a listing resumed from a cookie stays right while entries come and go. Cookies
 * 1 and 2 are "." and ".."; a fresh directory's entries get 3, 4, 5, ... (the numbers wasmtime gives
 * them too, since it counts entries).
 */
public final class DirNode extends Node {
    static final long FIRST_ENTRY_COOKIE = 3;

    /** One name in a directory. */
    public static final class Entry {
        final byte[] name;
        final int hash;
        public final Node node;
        long cookie;
        Entry nextInBucket;
        private String nameString;

        Entry(byte[] name, int hash, Node node, long cookie) {
            this.name = name;
            this.hash = hash;
            this.node = node;
            this.cookie = cookie;
        }

        public String name() {
            if (nameString == null) {
                nameString = Utf8.decode(name, 0, name.length);
            }
            return nameString;
        }

        /** The name's UTF-8 bytes; do not modify. */
        public byte[] nameBytes() {
            return name;
        }

        public long cookie() {
            return cookie;
        }
    }

    private Entry[] buckets = new Entry[8];
    private int count;
    /** Entries in cookie order; removed ones leave null holes until {@link #compact}. */
    private Entry[] ordered = new Entry[8];
    private int orderedEnd;
    private int holes;
    private long nextCookie = FIRST_ENTRY_COOKIE;
    private int subdirectories;
    DirNode parent;
    /** Removed from its parent: it stays usable through open descriptors but can hold nothing new. */
    boolean removed;

    DirNode(VirtualFileSystem fs, DirNode parent) {
        super(fs);
        this.parent = parent == null ? this : parent;
    }

    @Override
    public byte filetype() {
        return TYPE_DIRECTORY;
    }

    /** 4096, the size ext4 and tmpfs report for a small directory. */
    @Override
    public long size() {
        return 4096;
    }

    @Override
    public long nlink() {
        return removed ? 0 : 2 + subdirectories;
    }

    /** The directory holding this one (itself for the root). */
    public DirNode parent() {
        return parent;
    }

    public boolean isRemoved() {
        return removed;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public int entryCount() {
        return count;
    }

    // ---- lookup ----

    static int hash(byte[] bytes, int offset, int length) {
        int h = 0x811C9DC5;
        for (int i = offset; i < offset + length; i++) {
            h = (h ^ (bytes[i] & 0xFF)) * 0x01000193;
        }
        return h;
    }

    /** The entry named by {@code bytes[offset..offset+length)}, or null. Allocates nothing. */
    public Entry find(byte[] bytes, int offset, int length) {
        int h = hash(bytes, offset, length);
        for (Entry e = buckets[h & (buckets.length - 1)]; e != null; e = e.nextInBucket) {
            if (e.hash == h && sameBytes(e.name, bytes, offset, length)) {
                return e;
            }
        }
        return null;
    }

    public Entry find(String name) {
        byte[] bytes = Utf8.encode(name);
        return find(bytes, 0, bytes.length);
    }

    public Node get(String name) {
        Entry e = find(name);
        return e == null ? null : e.node;
    }

    private static boolean sameBytes(byte[] name, byte[] bytes, int offset, int length) {
        if (name.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (name[i] != bytes[offset + i]) {
                return false;
            }
        }
        return true;
    }

    // ---- listing ----

    /** Entries in cookie order, as a new list (host-side use). */
    public List<Entry> entries() {
        compact();
        List<Entry> out = new ArrayList<>(count);
        for (int i = 0; i < orderedEnd; i++) {
            out.add(ordered[i]);
        }
        return out;
    }

    /** Index (for {@link #entryAt}) of the first entry whose cookie is greater than {@code cookie}. */
    public int firstIndexAfter(long cookie) {
        compact();
        int lo = 0;
        int hi = orderedEnd;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ordered[mid].cookie <= cookie) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The entry at {@code index} in cookie order (0 .. {@link #entryCount()}-1), after {@link #firstIndexAfter}. */
    public Entry entryAt(int index) {
        return ordered[index];
    }

    /**
     * Puts the entries in bytewise name order and numbers their cookies afresh from 3, as if the directory had
     * been built in that order (what a tar round trip gives); used by {@link VirtualFileSystem#settle}.
     */
    void sortEntriesByName() {
        compact();
        java.util.Arrays.sort(ordered, 0, orderedEnd, (a, b) -> TarImage.compareBytes(a.name, b.name));
        nextCookie = FIRST_ENTRY_COOKIE;
        for (int i = 0; i < orderedEnd; i++) {
            ordered[i].cookie = nextCookie++;
        }
    }

    private void compact() {
        if (holes == 0) {
            return;
        }
        int w = 0;
        for (int r = 0; r < orderedEnd; r++) {
            if (ordered[r] != null) {
                ordered[w++] = ordered[r];
            }
        }
        for (int i = w; i < orderedEnd; i++) {
            ordered[i] = null;
        }
        orderedEnd = w;
        holes = 0;
    }

    // ---- changes ----

    /** Adds {@code name} (which the caller has checked is free) for {@code node}; the array is kept. */
    public Entry link(byte[] name, Node node) {
        Entry e = new Entry(name, hash(name, 0, name.length), node, nextCookie++);
        if (count + 1 > buckets.length * 3 / 4) {
            rehash(buckets.length * 2);
        }
        int slot = e.hash & (buckets.length - 1);
        e.nextInBucket = buckets[slot];
        buckets[slot] = e;
        count++;
        if (orderedEnd == ordered.length) {
            compact();
            if (orderedEnd == ordered.length) {
                Entry[] bigger = new Entry[ordered.length * 2];
                System.arraycopy(ordered, 0, bigger, 0, orderedEnd);
                ordered = bigger;
            }
        }
        ordered[orderedEnd++] = e;
        if (node instanceof DirNode) {
            DirNode child = (DirNode) node;
            child.parent = this;
            child.removed = false;
            subdirectories++;
        } else {
            node.links++;
        }
        node.touchChanged();
        touchModified();
        return e;
    }

    public Entry link(String name, Node node) {
        return link(Utf8.encode(name), node);
    }

    /** Removes an entry of this directory; a directory it named is marked removed. */
    public void unlink(Entry entry) {
        int slot = entry.hash & (buckets.length - 1);
        Entry prev = null;
        for (Entry e = buckets[slot]; e != null; prev = e, e = e.nextInBucket) {
            if (e == entry) {
                if (prev == null) {
                    buckets[slot] = e.nextInBucket;
                } else {
                    prev.nextInBucket = e.nextInBucket;
                }
                break;
            }
        }
        count--;
        for (int i = orderedEnd - 1; i >= 0; i--) {
            if (ordered[i] == entry) {
                ordered[i] = null;
                holes++;
                break;
            }
        }
        Node node = entry.node;
        if (node instanceof DirNode) {
            subdirectories--;
            ((DirNode) node).removed = true;
        } else {
            node.links--;
        }
        node.touchChanged();
        touchModified();
        if (holes > 32 && holes > count) {
            compact();
        }
    }

    /** Removes a name; returns the node it named, or null. */
    public Node unlink(String name) {
        Entry e = find(name);
        if (e == null) {
            return null;
        }
        unlink(e);
        return e.node;
    }

    private void rehash(int size) {
        Entry[] old = buckets;
        buckets = new Entry[size];
        for (Entry head : old) {
            for (Entry e = head; e != null; ) {
                Entry next = e.nextInBucket;
                int slot = e.hash & (size - 1);
                e.nextInBucket = buckets[slot];
                buckets[slot] = e;
                e = next;
            }
        }
    }
}
