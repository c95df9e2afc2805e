package dev.wasiplay.polyfill.conformance;

import dev.wasiplay.polyfill.vfs.DirNode;
import dev.wasiplay.polyfill.vfs.FileNode;
import dev.wasiplay.polyfill.vfs.Node;
import dev.wasiplay.polyfill.vfs.SymlinkNode;
import dev.wasiplay.polyfill.vfs.TarImage;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A file tree as the conformance suite writes and compares it. In expected.json a tree is an object from
 * paths (relative to the root) to entries:
 * <ul>
 *   <li>{@code "dir/": {}} — a directory (the key ends with '/');</li>
 *   <li>{@code "file": "text"} — a regular file with that UTF-8 content;</li>
 *   <li>{@code "file": {"base64": "..."}} — binary content;</li>
 *   <li>{@code "file": {"size": N, "sha256": "hex"}} — large content (over 4 KiB);</li>
 *   <li>{@code "link": {"symlink": "target"}} — a symlink;</li>
 *   <li>{@code "name": {"hardlink": "other/path"}} — (input only) another name for an earlier file;</li>
 *   <li>{@code "nlink": 2} may be added to a file or symlink object ({@code {"text": "...", "nlink": 2}}).</li>
 * </ul>
 * Trees are compared through a canonical listing, one line per node in path order, so a difference shows
 * as a readable diff. Timestamps are not compared (they are not the same twice).
 */
public final class FileTree {
    /** Content up to this size is shown in full, larger content by size and hash. */
    private static final int INLINE_LIMIT = 4096;

    private final Map<String, Object> entries;

    private FileTree(Map<String, Object> entries) {
        this.entries = entries;
    }

    /** A tree from its expected.json form (null: the empty tree). */
    @SuppressWarnings("unchecked")
    public static FileTree fromJson(Object json) {
        if (json == null) {
            return new FileTree(new LinkedHashMap<>());
        }
        if (!(json instanceof Map)) {
            throw new IllegalArgumentException("a tree must be a JSON object from paths to entries");
        }
        return new FileTree(new LinkedHashMap<>((Map<String, Object>) json));
    }

    /** Builds the tree as a fresh filesystem. */
    public VirtualFileSystem toFileSystem() {
        VirtualFileSystem fs = new VirtualFileSystem();
        List<String[]> hardLinks = new ArrayList<>();
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            String path = e.getKey();
            Object value = e.getValue();
            if (path.endsWith("/")) {
                fs.mkdirs(path);
            } else if (value instanceof String) {
                fs.writeFile(path, ((String) value).getBytes(StandardCharsets.UTF_8));
            } else if (value instanceof Map) {
                Map<?, ?> m = (Map<?, ?>) value;
                if (m.containsKey("symlink")) {
                    fs.symlink(path, (String) m.get("symlink"));
                } else if (m.containsKey("hardlink")) {
                    hardLinks.add(new String[] {path, (String) m.get("hardlink")});
                } else if (m.containsKey("base64")) {
                    fs.writeFile(path, Base64.getDecoder().decode((String) m.get("base64")));
                } else if (m.containsKey("text")) {
                    fs.writeFile(path, ((String) m.get("text")).getBytes(StandardCharsets.UTF_8));
                } else {
                    throw new IllegalArgumentException("input tree entry " + path + ": cannot build " + m);
                }
            } else {
                throw new IllegalArgumentException("tree entry " + path + ": unsupported value " + value);
            }
        }
        for (String[] link : hardLinks) {
            fs.link(link[0], link[1]);
        }
        return fs;
    }

    /** The tree as a TarImage (what a run is given). */
    public byte[] toImage() {
        return TarImage.create(toFileSystem());
    }

    /** The canonical listing of this expected tree. */
    public String listing() {
        TreeMap<String, String> lines = new TreeMap<>();
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            String path = e.getKey();
            Object value = e.getValue();
            if (path.endsWith("/")) {
                String dir = path.substring(0, path.length() - 1);
                lines.put(dir, "dir  " + dir + "/");
            } else if (value instanceof String) {
                lines.put(path, fileLine(path, ((String) value).getBytes(StandardCharsets.UTF_8), 1));
            } else if (value instanceof Map) {
                Map<?, ?> m = (Map<?, ?>) value;
                long nlink = m.containsKey("nlink") ? ((Number) m.get("nlink")).longValue() : 1;
                if (m.containsKey("symlink")) {
                    lines.put(path, linkLine(path, (String) m.get("symlink"), nlink));
                } else if (m.containsKey("base64")) {
                    lines.put(path, fileLine(path, Base64.getDecoder().decode((String) m.get("base64")), nlink));
                } else if (m.containsKey("text")) {
                    lines.put(path, fileLine(path, ((String) m.get("text")).getBytes(StandardCharsets.UTF_8), nlink));
                } else if (m.containsKey("sha256")) {
                    lines.put(path, "file " + path + " = size " + ((Number) m.get("size")).longValue() + " sha256 "
                            + m.get("sha256") + nlinkSuffix(nlink));
                } else {
                    throw new IllegalArgumentException("expected tree entry " + path + ": cannot compare " + m);
                }
            } else {
                throw new IllegalArgumentException("tree entry " + path + ": unsupported value " + value);
            }
        }
        return String.join("\n", lines.values());
    }

    /** The canonical listing of a run's resulting tree, given as its TarImage. */
    public static String listing(byte[] image) {
        VirtualFileSystem fs = new VirtualFileSystem();
        TarImage.extract(image, fs);
        TreeMap<String, String> lines = new TreeMap<>();
        collect(fs.root(), "", lines);
        return String.join("\n", lines.values());
    }

    private static void collect(DirNode dir, String prefix, Map<String, String> lines) {
        for (DirNode.Entry e : dir.entries()) {
            String path = prefix + e.name();
            Node node = e.node;
            if (node instanceof DirNode) {
                lines.put(path, "dir  " + path + "/");
                collect((DirNode) node, path + "/", lines);
            } else if (node instanceof SymlinkNode) {
                lines.put(path, linkLine(path, ((SymlinkNode) node).target(), node.nlink()));
            } else {
                lines.put(path, fileLine(path, ((FileNode) node).content(), node.nlink()));
            }
        }
    }

    private static String linkLine(String path, String target, long nlink) {
        return "link " + path + " -> " + target + nlinkSuffix(nlink);
    }

    private static String fileLine(String path, byte[] content, long nlink) {
        String text = content.length <= INLINE_LIMIT ? utf8Text(content) : null;
        String shown;
        if (text != null) {
            shown = quote(text);
        } else if (content.length <= INLINE_LIMIT) {
            shown = "base64 " + Base64.getEncoder().encodeToString(content);
        } else {
            shown = "size " + content.length + " sha256 " + sha256(content);
        }
        return "file " + path + " = " + shown + nlinkSuffix(nlink);
    }

    private static String nlinkSuffix(long nlink) {
        return nlink == 1 ? "" : " (nlink " + nlink + ")";
    }

    /** The content as text if it is valid UTF-8 without NUL bytes, else null. */
    private static String utf8Text(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
