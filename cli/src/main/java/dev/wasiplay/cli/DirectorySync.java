package dev.wasiplay.cli;

import dev.wasiplay.polyfill.vfs.DirNode;
import dev.wasiplay.polyfill.vfs.FileNode;
import dev.wasiplay.polyfill.vfs.Node;
import dev.wasiplay.polyfill.vfs.SymlinkNode;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@code --dir} host directory copied into the run's in-memory tree before the run, and the guest's changes copied
 * back after it: files and directories created, files whose content changed, and everything deleted; symbolic links
 * are kept as links (their targets as written). What the guest left as it was is not touched, so unchanged files
 * keep their timestamps.
 *
 * <p>Writing back never follows a symbolic link on the host: a file is written with {@code O_NOFOLLOW}, and a host
 * link the guest replaced by a directory or file is deleted first.
 */
final class DirectorySync {
    /** What is at a path: a directory, a file (with its content's SHA-256) or a link (with its target). */
    private record Entry(char kind, byte[] sha256, String target) {
        static final Entry DIRECTORY = new Entry('d', null, null);

        boolean sameAs(Entry other) {
            return other != null && kind == other.kind && Arrays.equals(sha256, other.sha256)
                    && Objects.equals(target, other.target);
        }
    }

    private final DirMapping mapping;
    /** What the host directory held when it was loaded, by path relative to it. */
    private final NavigableMap<String, Entry> loaded = new TreeMap<>();

    private DirectorySync(DirMapping mapping) {
        this.mapping = mapping;
    }

    /**
     * Copies the mapping's host directory into {@code tree} at the mapping's tree path; things that are neither
     * files, directories nor links (sockets, devices, fifos) are skipped with a warning.
     *
     * @throws IOException naming the host path that could not be read
     */
    static DirectorySync load(DirMapping mapping, VirtualFileSystem tree, Consumer<String> warn) throws IOException {
        DirectorySync sync = new DirectorySync(mapping);
        DirNode base = tree.mkdirs(mapping.treePath());
        Path root = mapping.host();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String rel = relative(root, dir);
                if (!rel.isEmpty()) {
                    tree.mkdirs(inTree(mapping, rel));
                    sync.loaded.put(rel, Entry.DIRECTORY);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = relative(root, file);
                if (attrs.isSymbolicLink()) {
                    String target = Files.readSymbolicLink(file).toString();
                    tree.symlink(inTree(mapping, rel), target);
                    sync.loaded.put(rel, new Entry('l', null, target));
                } else if (attrs.isRegularFile()) {
                    byte[] content = Files.readAllBytes(file);
                    FileNode node = tree.writeFile(inTree(mapping, rel), content);
                    setTimes(node, attrs);
                    sync.loaded.put(rel, new Entry('f', sha256(content), null));
                } else {
                    warn.accept("skipping " + file + ": not a regular file, directory or symbolic link");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw new IOException("cannot read " + file + ": " + reason(e), e);
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw new IOException("cannot read " + dir + ": " + reason(e), e);
                }
                // Linking the children touched the directory; give it the host's times again.
                Node node = tree.lookup(inTree(mapping, relative(root, dir)));
                setTimes(node, Files.readAttributes(dir, BasicFileAttributes.class));
                return FileVisitResult.CONTINUE;
            }
        });
        Objects.requireNonNull(base);
        return sync;
    }

    /**
     * Makes the host directory match the mapping's part of {@code tree}: deletions first (deepest first), then
     * creations and changes (parents first).
     *
     * @return how many host paths were created, changed or deleted
     * @throws IOException naming the host path that could not be changed
     */
    int writeBack(VirtualFileSystem tree) throws IOException {
        Node base = tree.lookup(mapping.treePath());
        NavigableMap<String, Node> now = new TreeMap<>();
        if (base instanceof DirNode dir) {
            collect(dir, "", now);
        }
        NavigableMap<String, Entry> current = new TreeMap<>();
        for (Map.Entry<String, Node> e : now.entrySet()) {
            current.put(e.getKey(), entryOf(e.getValue()));
        }
        int changes = 0;
        for (Map.Entry<String, Entry> gone : loaded.descendingMap().entrySet()) {
            Entry after = current.get(gone.getKey());
            if (after == null || after.kind != gone.getValue().kind) {
                delete(host(gone.getKey()));
                changes++;
            }
        }
        for (Map.Entry<String, Node> e : now.entrySet()) {
            String rel = e.getKey();
            Entry before = loaded.get(rel);
            Entry after = current.get(rel);
            if (after.sameAs(before)) {
                continue;
            }
            Path path = host(rel);
            try {
                switch (after.kind) {
                    case 'd' -> Files.createDirectory(path);
                    case 'l' -> {
                        Files.deleteIfExists(path); // a link whose target changed
                        Files.createSymbolicLink(path, Path.of(after.target));
                    }
                    default -> {
                        try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE,
                                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
                                LinkOption.NOFOLLOW_LINKS)) {
                            out.write(((FileNode) e.getValue()).content());
                        }
                    }
                }
            } catch (IOException failure) {
                throw new IOException("cannot write " + path + ": " + reason(failure), failure);
            }
            changes++;
        }
        loaded.clear(); // the host matches the tree now
        loaded.putAll(current);
        return changes;
    }

    private Path host(String rel) {
        return mapping.host().resolve(rel);
    }

    private static void delete(Path path) throws IOException {
        try {
            Files.deleteIfExists(path); // does not follow links; a directory is empty by now (children went first)
        } catch (IOException e) {
            throw new IOException("cannot delete " + path + ": " + reason(e), e);
        }
    }

    private static void collect(DirNode dir, String prefix, Map<String, Node> out) {
        for (DirNode.Entry e : new ArrayList<>(dir.entries())) {
            String rel = prefix + e.name();
            out.put(rel, e.node);
            if (e.node instanceof DirNode child) {
                collect(child, rel + "/", out);
            }
        }
    }

    private static Entry entryOf(Node node) {
        if (node instanceof DirNode) {
            return Entry.DIRECTORY;
        }
        if (node instanceof SymlinkNode link) {
            return new Entry('l', null, link.target());
        }
        return new Entry('f', sha256(((FileNode) node).content()), null);
    }

    private static void setTimes(Node node, BasicFileAttributes attrs) {
        if (node != null) {
            node.mtim = attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            node.atim = attrs.lastAccessTime().to(TimeUnit.NANOSECONDS);
            node.ctim = node.mtim;
        }
    }

    private static String inTree(DirMapping mapping, String rel) {
        return mapping.treePath().isEmpty() ? rel : rel.isEmpty() ? mapping.treePath() : mapping.treePath() + "/" + rel;
    }

    private static String relative(Path root, Path path) {
        List<String> parts = new ArrayList<>();
        for (Path part : root.relativize(path)) {
            parts.add(part.toString());
        }
        return String.join("/", parts);
    }

    private static String reason(IOException e) {
        String name = e.getClass().getSimpleName();
        return switch (name) {
            case "AccessDeniedException" -> "permission denied";
            case "NoSuchFileException" -> "no such file or directory";
            case "DirectoryNotEmptyException" -> "directory not empty (something else wrote to it during the run)";
            case "FileSystemLoopException" -> "too many levels of symbolic links";
            default -> e.getMessage() == null ? name : e.getMessage();
        };
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("the JVM has no SHA-256", e));
        }
    }
}
