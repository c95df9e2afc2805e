package dev.wasiplay.host.parity;

import dev.wasiplay.polyfill.vfs.FileNode;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A regular file one engine's run created, modified or deleted, as a parity report lists it.
 *
 * @param path   relative to {@code /}, no leading slash
 * @param change {@code "created"}, {@code "modified"} or {@code "deleted"}
 * @param size   bytes after the run (0 when deleted)
 * @param sha256 lowercase hex of the contents after the run; null when deleted
 */
public record FileChange(String path, String change, long size, String sha256) {

    public FileChange {
        Objects.requireNonNull(path, "path");
        if (!change.equals("created") && !change.equals("modified") && !change.equals("deleted")) {
            throw new IllegalArgumentException("change must be created, modified or deleted, not " + change);
        }
        if (change.equals("deleted") ? sha256 != null : !isSha256(sha256)) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits (null for a deleted file)");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must be 0 or more");
        }
    }

    /**
     * The regular files that differ between {@code before} (path without leading slash -> contents, what the run
     * started with) and the tree the run left, in path order. Paths with a {@code __pycache__} component are left
     * out: CPython's bytecode cache embeds the source's mtime, which differs between engines unless the run is
     * deterministic, and it is the interpreter's doing, not the program's (the page leaves them out too).
     */
    public static List<FileChange> between(Map<String, byte[]> before, VirtualFileSystem after) {
        Map<String, FileNode> afterFiles = after.files();
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(afterFiles.keySet());
        List<FileChange> changes = new ArrayList<>();
        for (String path : paths) {
            if (("/" + path + "/").contains("/__pycache__/")) {
                continue;
            }
            byte[] old = before.get(path);
            FileNode node = afterFiles.get(path);
            if (node == null) {
                changes.add(new FileChange(path, "deleted", 0, null));
                continue;
            }
            byte[] now = node.content();
            if (old != null && Arrays.equals(old, now)) {
                continue;
            }
            changes.add(new FileChange(path, old == null ? "created" : "modified", now.length, sha256Hex(now)));
        }
        return changes;
    }

    /** Lowercase hex SHA-256. */
    public static String sha256Hex(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder hex = new StringBuilder(64);
            for (byte b : hash) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static boolean isSha256(String value) {
        if (value == null || value.length() != 64) {
            return false;
        }
        for (char c : value.toCharArray()) {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** {@code {"path", "change", "size", "sha256"}} (sha256 null when deleted). */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", path);
        json.put("change", change);
        json.put("size", size);
        json.put("sha256", sha256);
        return json;
    }

    /** What the report shows for this file in a difference: the entry without its path. */
    Map<String, Object> describe() {
        Map<String, Object> json = toJson();
        json.remove("path");
        return json;
    }
}
