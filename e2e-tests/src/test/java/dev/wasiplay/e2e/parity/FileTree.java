package dev.wasiplay.e2e.parity;

import dev.wasiplay.polyfill.vfs.DirNode;
import dev.wasiplay.polyfill.vfs.FileNode;
import dev.wasiplay.polyfill.vfs.Node;
import dev.wasiplay.polyfill.vfs.SymlinkNode;
import dev.wasiplay.polyfill.vfs.TarImage;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The tree a run left under "/", in the format {@code node-runner.mjs} prints: every path (with a leading "/")
 * to the sha256 of a regular file's content, {@code "dir"} for a directory (its key ends in "/"), or
 * {@code "symlink:" + target}. Timestamps, modes and inode numbers are left out: they come from the real clock
 * and differ between any two runs until deterministic mode.
 */
public final class FileTree {
    private FileTree() {}

    /** The tree of a file system the run left behind (Chicory's {@code RunOutcome.fileSystem()}). */
    public static SortedMap<String, String> of(VirtualFileSystem fs) {
        SortedMap<String, String> out = new TreeMap<>();
        walk(fs.root(), "", out);
        return out;
    }

    /** The tree of a TarImage (the browser worker's {@code fs} message), read by the polyfill's own reader. */
    public static SortedMap<String, String> ofTarImage(byte[] tar) {
        VirtualFileSystem fs = new VirtualFileSystem();
        TarImage.extract(tar, fs);
        return of(fs);
    }

    private static void walk(DirNode dir, String prefix, SortedMap<String, String> out) {
        for (DirNode.Entry e : dir.entries()) {
            String path = prefix + "/" + e.name();
            Node node = e.node;
            if (node instanceof DirNode d) {
                out.put(path + "/", "dir");
                walk(d, path, out);
            } else if (node instanceof SymlinkNode link) {
                out.put(path, "symlink:" + link.target());
            } else if (node instanceof FileNode file) {
                out.put(path, EngineRun.sha256(file.content()));
            } else {
                out.put(path, "other");
            }
        }
    }
}
