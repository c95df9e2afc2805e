package dev.wasiplay.polyfill.vfs;

/** An inode of the virtual filesystem: a file, a directory or a symlink. */
public abstract class Node {
    /** wasi filetype codes. */
    public static final byte TYPE_DIRECTORY = 3;
    public static final byte TYPE_REGULAR_FILE = 4;
    public static final byte TYPE_SYMBOLIC_LINK = 7;

    final VirtualFileSystem fs;
    final long ino;
    /** Number of directory entries naming this node. */
    long nlink;
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

    public long nlink() {
        return nlink;
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

    public void touchChanged() {
        ctim = fs.now();
    }
}
