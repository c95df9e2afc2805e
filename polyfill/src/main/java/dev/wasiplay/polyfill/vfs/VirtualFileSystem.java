package dev.wasiplay.polyfill.vfs;

import dev.wasiplay.polyfill.WasiClock;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory file tree: the filesystem a guest sees through its preopened directories.
 *
 * <p>Paths given to the population methods ({@link #writeFile}, {@link #mkdirs}, ...) are host-side:
 * '/'-separated, relative to the root, a leading '/' optional, no "..". They are for setting up a run and
 * reading its results, and follow no symlinks; the guest's own lookups go through {@link PathResolver},
 * which enforces the sandbox. {@link TarImage} moves whole trees in and out.
 */
public final class VirtualFileSystem {
    /** The largest file a Java byte array holds. */
    public static final long MAX_FILE_SIZE = Integer.MAX_VALUE - 8;

    final long deviceId;
    final long maxFileSize;
    private WasiClock clock;
    private long nextInode = 1;
    private final DirNode root;

    /** A tree on the system clock, device id 1 (what wasmtime reports for every file), files up to 2 GiB. */
    public VirtualFileSystem() {
        this(WasiClock.SYSTEM, 1, MAX_FILE_SIZE);
    }

    public VirtualFileSystem(WasiClock clock, long deviceId, long maxFileSize) {
        this.clock = clock;
        this.deviceId = deviceId;
        this.maxFileSize = Math.max(0, Math.min(maxFileSize, MAX_FILE_SIZE));
        this.root = new DirNode(this, null);
    }

    public DirNode root() {
        return root;
    }

    long nextInode() {
        return nextInode++;
    }

    /**
     * Makes the tree independent of how it was built, for deterministic runs: every node reachable from the
     * root is renumbered depth first in bytewise name order (the root is inode 1, a node with several names is
     * numbered where it is first reached, the next new node gets the next number), each directory's entries are
     * put in name order with cookies 3, 4, ... afresh, and every atim, mtim and ctim becomes
     * {@code timestampNanos}. From then on the tree takes its times from {@code clock}. So a tree written
     * file by file and the same tree extracted from an image end up identical.
     */
    public void settle(long timestampNanos, WasiClock newClock) {
        forget(root);
        nextInode = 1;
        settle(root, timestampNanos);
        clock = newClock;
    }

    /** Clears every inode number under {@code node}, so {@link #settle} can tell which it numbered already. */
    private static void forget(Node node) {
        node.ino = 0;
        if (node instanceof DirNode) {
            for (DirNode.Entry e : ((DirNode) node).entries()) {
                forget(e.node);
            }
        }
    }

    private void settle(Node node, long timestampNanos) {
        if (node.ino != 0) {
            return;
        }
        node.ino = nextInode++;
        node.atim = timestampNanos;
        node.mtim = timestampNanos;
        node.ctim = timestampNanos;
        if (node instanceof DirNode) {
            DirNode dir = (DirNode) node;
            dir.sortEntriesByName();
            for (DirNode.Entry e : dir.entries()) {
                settle(e.node, timestampNanos);
            }
        }
    }

    /** Now, in nanoseconds since the epoch, on this tree's clock. */
    public long now() {
        return clock.realtimeNanos();
    }

    public FileNode newFile() {
        return new FileNode(this);
    }

    public DirNode newDirectory(DirNode parent) {
        return new DirNode(this, parent);
    }

    public SymlinkNode newSymlink(String target) {
        return new SymlinkNode(this, Utf8.encode(target));
    }

    /** A symlink whose target is {@code target} (the array is kept). */
    public SymlinkNode newSymlink(byte[] target) {
        return new SymlinkNode(this, target);
    }

    /** Creates the directory and any missing parents; returns it. */
    public DirNode mkdirs(String path) {
        DirNode dir = root;
        for (String part : split(path)) {
            Node next = dir.get(part);
            if (next == null) {
                DirNode created = newDirectory(dir);
                dir.link(part, created);
                dir = created;
            } else if (next instanceof DirNode) {
                dir = (DirNode) next;
            } else {
                throw new IllegalArgumentException("not a directory: " + part + " in " + path);
            }
        }
        return dir;
    }

    /** Creates or replaces a regular file, creating parent directories as needed. */
    public FileNode writeFile(String path, byte[] content) {
        String[] parts = split(path);
        if (parts.length == 0) {
            throw new IllegalArgumentException("empty file path");
        }
        DirNode dir = mkdirs(join(parts, parts.length - 1));
        String name = parts[parts.length - 1];
        Node existing = dir.get(name);
        FileNode file;
        if (existing instanceof FileNode) {
            file = (FileNode) existing;
        } else if (existing != null) {
            throw new IllegalArgumentException("exists and is not a file: " + path);
        } else {
            file = newFile();
            dir.link(name, file);
        }
        file.setContent(content);
        return file;
    }

    /** Creates a symlink at {@code path} pointing at {@code target}, creating parent directories. */
    public SymlinkNode symlink(String path, String target) {
        String[] parts = split(path);
        if (parts.length == 0) {
            throw new IllegalArgumentException("empty symlink path");
        }
        DirNode dir = mkdirs(join(parts, parts.length - 1));
        String name = parts[parts.length - 1];
        if (dir.get(name) != null) {
            throw new IllegalArgumentException("already exists: " + path);
        }
        SymlinkNode link = newSymlink(target);
        dir.link(name, link);
        return link;
    }

    /** Gives the regular file or symlink at {@code existing} a second name {@code path} (a hard link). */
    public void link(String path, String existing) {
        Node node = lookup(existing);
        if (node == null || node instanceof DirNode) {
            throw new IllegalArgumentException("hard link to " + existing + ": not a file or symlink");
        }
        String[] parts = split(path);
        if (parts.length == 0) {
            throw new IllegalArgumentException("empty link path");
        }
        DirNode dir = mkdirs(join(parts, parts.length - 1));
        String name = parts[parts.length - 1];
        if (dir.get(name) != null) {
            throw new IllegalArgumentException("already exists: " + path);
        }
        dir.link(name, node);
    }

    /** The node at a host-side path, following no symlinks; null when absent. */
    public Node lookup(String path) {
        Node node = root;
        for (String part : split(path)) {
            if (!(node instanceof DirNode)) {
                return null;
            }
            node = ((DirNode) node).get(part);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** Content of the regular file at {@code path}, or null. */
    public byte[] readFile(String path) {
        Node node = lookup(path);
        return node instanceof FileNode ? ((FileNode) node).content() : null;
    }

    /** Every regular file under the root, by '/'-joined path (no leading '/'), in path order. */
    public Map<String, FileNode> files() {
        TreeMap<String, FileNode> out = new TreeMap<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(DirNode dir, String prefix, Map<String, FileNode> out) {
        for (DirNode.Entry e : dir.entries()) {
            String path = prefix + e.name();
            if (e.node instanceof FileNode) {
                out.put(path, (FileNode) e.node);
            } else if (e.node instanceof DirNode) {
                collect((DirNode) e.node, path + "/", out);
            }
        }
    }

    /**
     * Splits a host-side path on '/', dropping empty and "." parts; ".." is refused (a hand loop: regex
     * would bloat the JavaScript).
     */
    static String[] split(String path) {
        ArrayList<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i < path.length() && path.charAt(i) != '/') {
                continue;
            }
            String part = path.substring(start, i);
            start = i + 1;
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new IllegalArgumentException("'..' not allowed in a host-side path: " + path);
            }
            if (part.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("NUL character in a path: " + path);
            }
            parts.add(part);
        }
        return parts.toArray(new String[0]);
    }

    private static String join(String[] parts, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(parts[i]);
        }
        return sb.toString();
    }
}
