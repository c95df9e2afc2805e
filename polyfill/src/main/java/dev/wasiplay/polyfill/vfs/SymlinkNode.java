package dev.wasiplay.polyfill.vfs;

/** A symbolic link; its target is kept as written and resolved at lookup time. */
public final class SymlinkNode extends Node {
    private final String target;
    private final int targetLength;

    SymlinkNode(VirtualFileSystem fs, String target) {
        super(fs);
        this.target = target;
        this.targetLength = Utf8.encodedLength(target);
    }

    public String target() {
        return target;
    }

    @Override
    public byte filetype() {
        return TYPE_SYMBOLIC_LINK;
    }

    @Override
    public long size() {
        return targetLength;
    }
}
