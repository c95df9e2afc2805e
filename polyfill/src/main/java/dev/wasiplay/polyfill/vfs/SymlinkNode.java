package dev.wasiplay.polyfill.vfs;

/** A symbolic link; its target is kept as written (UTF-8 bytes) and resolved at lookup time. */
public final class SymlinkNode extends Node {
    private final byte[] target;
    private String targetString;

    SymlinkNode(VirtualFileSystem fs, byte[] target) {
        super(fs);
        this.target = target;
    }

    /** The target as text. */
    public String target() {
        if (targetString == null) {
            targetString = Utf8.decode(target, 0, target.length);
        }
        return targetString;
    }

    /** The target's bytes; do not modify. */
    public byte[] targetBytes() {
        return target;
    }

    @Override
    public byte filetype() {
        return TYPE_SYMBOLIC_LINK;
    }

    @Override
    public long size() {
        return target.length;
    }
}
