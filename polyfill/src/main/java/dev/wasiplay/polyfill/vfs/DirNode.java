package dev.wasiplay.polyfill.vfs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * A directory. Entries keep the order they were added in; each gets a sequence number when added,
 * which is its readdir cookie, so a listing resumed from a cookie stays right when entries come and go.
 * Cookies 1 and 2 are "." and "..".
 */
public final class DirNode extends Node {
    static final long FIRST_ENTRY_COOKIE = 3;

    /** One name in a directory. */
    public static final class Entry {
        public final String name;
        public final Node node;
        final long cookie;

        Entry(String name, Node node, long cookie) {
            this.name = name;
            this.node = node;
            this.cookie = cookie;
        }

        public long cookie() {
            return cookie;
        }
    }

    private final HashMap<String, Entry> byName = new HashMap<>();
    private final ArrayList<Entry> ordered = new ArrayList<>();
    private long nextCookie = FIRST_ENTRY_COOKIE;
    DirNode parent;

    DirNode(VirtualFileSystem fs, DirNode parent) {
        super(fs);
        this.parent = parent == null ? this : parent;
        this.nlink = 1;
    }

    @Override
    public byte filetype() {
        return TYPE_DIRECTORY;
    }

    @Override
    public long size() {
        return 4096;
    }

    /** The directory holding this one (itself for the root). */
    public DirNode parent() {
        return parent;
    }

    public Node get(String name) {
        Entry e = byName.get(name);
        return e == null ? null : e.node;
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    public int entryCount() {
        return byName.size();
    }

    /** Entries in cookie order; the list is live: do not keep it across changes. */
    public List<Entry> entries() {
        compact();
        return ordered;
    }

    /** Adds a name; the caller has checked it is free. */
    public void link(String name, Node node) {
        Entry e = new Entry(name, node, nextCookie++);
        byName.put(name, e);
        ordered.add(e);
        node.nlink++;
        if (node instanceof DirNode) {
            ((DirNode) node).parent = this;
            nlink++;
        }
        touchModified();
    }

    /** Removes a name; returns the node it named, or null. */
    public Node unlink(String name) {
        Entry e = byName.remove(name);
        if (e == null) {
            return null;
        }
        removedSinceCompact++;
        e.node.nlink--;
        e.node.touchChanged();
        if (e.node instanceof DirNode) {
            nlink--;
        }
        touchModified();
        return e.node;
    }

    private int removedSinceCompact;

    private void compact() {
        if (removedSinceCompact == 0) {
            return;
        }
        int w = 0;
        for (int r = 0; r < ordered.size(); r++) {
            Entry e = ordered.get(r);
            if (byName.get(e.name) == e) {
                ordered.set(w++, e);
            }
        }
        while (ordered.size() > w) {
            ordered.remove(ordered.size() - 1);
        }
        removedSinceCompact = 0;
    }
}
