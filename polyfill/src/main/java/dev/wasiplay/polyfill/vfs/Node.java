package dev.wasiplay.polyfill.vfs;

/**
 * An inode of the virtual filesystem: a regular file, a directory or a symlink. Timestamps are
 * nanoseconds since the Unix epoch; {@link #ctim} is the status-change time (POSIX), not a birth time.
 */
public abstract class Node {
    /** wasi filetype codes. */
    public static final byte TYPE_DIRECTORY = 3;
    public static final byte TYPE_REGULAR_FILE = 4;
    public static final byte TYPE_SYMBOLIC_LINK = 7;

    final VirtualFileSystem fs;
    long ino;
    /** Number of directory entries naming this node (directories compute theirs). */
    long links;
    public long atim;
    public long mtim;
    public long ctim;

    Node(VirtualFileSystem fs) {
        this.fs = fs;
        this.ino = fs.nextInode();
        long now = fs.now();
        atim = now;
        mtim = now;
        ctim = now;
    }

    public abstract byte filetype();

    public abstract long size();

    public long ino() {
        return ino;
    }

    public long dev() {
        return fs.deviceId;
    }

    /** Hard link count: names of a file or symlink; 2 + subdirectories for a directory (0 once removed). */
    public long nlink() {
        return links;
    }

    public VirtualFileSystem fileSystem() {
        return fs;
    }

    /** Marks a change of content (mtim and ctim). */
    public void touchModified() {
        long now = fs.now();
        mtim = now;
        ctim = now;
    }

    /** Marks a change of status (ctim): links, times, renames. */
    public void touchChanged() {
        ctim = fs.now();
    }
}
