package dev.wasiplay.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.wasiplay.host.parity.FileChange;
import dev.wasiplay.polyfill.vfs.FileNode;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A regular file a run created, modified or deleted, as listed in the answer of {@code POST /api/run}.
 *
 * @param path    relative to {@code /}, no leading slash
 * @param change  {@code "created"}, {@code "modified"} or {@code "deleted"}
 * @param size    bytes after the run (0 when deleted)
 * @param sha256  lowercase hex SHA-256 of the bytes after the run (absent when deleted), always given, so a page can
 *                compare files whose content was left out
 * @param content the bytes after the run, as text or {@code {"base64"}} ({@link FileContent}); absent when
 *                deleted or when the run's changed files together exceed the content budget
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangedFile(String path, String change, long size, String sha256, JsonNode content) {

    /**
     * The differences between the files a run started with and the tree it left, in path order. File
     * contents are included, in path order, while their total stays within {@code contentBudget} bytes.
     */
    static List<ChangedFile> between(Map<String, byte[]> before, VirtualFileSystem after, long contentBudget) {
        Map<String, FileNode> afterFiles = after.files();
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(afterFiles.keySet());
        List<ChangedFile> changes = new ArrayList<>();
        long budget = contentBudget;
        for (String path : paths) {
            byte[] old = before.get(path);
            FileNode node = afterFiles.get(path);
            if (node == null) {
                changes.add(new ChangedFile(path, "deleted", 0, null, null));
                continue;
            }
            byte[] now = node.content();
            if (old != null && Arrays.equals(old, now)) {
                continue;
            }
            JsonNode content = null;
            if (now.length <= budget) {
                content = FileContent.toJson(now);
                budget -= now.length;
            }
            changes.add(new ChangedFile(path, old == null ? "created" : "modified", now.length, FileChange.sha256Hex(now),
                    content));
        }
        return changes;
    }
}
