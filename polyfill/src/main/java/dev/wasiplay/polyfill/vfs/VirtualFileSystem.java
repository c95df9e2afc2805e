package dev.wasiplay.polyfill.vfs;

import dev.wasiplay.polyfill.WasiClock;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory file tree: the filesystem a guest sees through its preopened directories.
 *
 * <p>Paths given to the population methods ({@link #writeFile}, {@link #mkdirs}, ...) are host-side:
 * '/'-separated, relative to the root, a leading '/' optional. They are for setting up a run and reading
 * its results; the guest's own lookups go through {@link PathResolver}, which enforces the sandbox.
 */
public final class VirtualFileSystem {
    final long deviceId;
    final long maxFileSize;
    private final WasiClock clock;
    private long nextInode = 1;
    private final DirNode root;

    public VirtualFileSystem() {
        this(WasiClock.SYSTEM, 1, Integer.MAX_VALUE - 8);
    }

    public VirtualFileSystem(WasiClock clock, long deviceId, long maxFileSize) {
        this.clock = clock;
        this.deviceId = deviceId;
        this.maxFileSize = maxFileSize;
        this.root = new DirNode(this, null);
    }

    public DirNode root() {
        return root;
    }

    long nextInode() {
        return nextInode++;
    }

    long now() {
        return clock.realtimeNanos();
    }

    public FileNode newFile() {
        return new FileNode(this);
    }

    public DirNode newDirectory(DirNode parent) {
        return new DirNode(this, parent);
    }

    public SymlinkNode newSymlink(String target) {
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

    /** Creates a symlink at {@code path} pointing at {@code target}. */
    public void symlink(String path, String target) {
        String[] parts = split(path);
        DirNode dir = mkdirs(join(parts, parts.length - 1));
        dir.link(parts[parts.length - 1], newSymlink(target));
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
            String path = prefix + e.name;
            if (e.node instanceof FileNode) {
                out.put(path, (FileNode) e.node);
            } else if (e.node instanceof DirNode) {
                collect((DirNode) e.node, path + "/", out);
            }
        }
    }

    /** Splits a host-side path on '/', dropping empty and "." parts (a hand loop: regex would bloat the JS). */
    static String[] split(String path) {
        java.util.ArrayList<String> parts = new java.util.ArrayList<>();
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
