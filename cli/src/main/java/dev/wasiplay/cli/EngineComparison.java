package dev.wasiplay.cli;

import dev.wasiplay.polyfill.vfs.DirNode;
import dev.wasiplay.polyfill.vfs.FileNode;
import dev.wasiplay.polyfill.vfs.Node;
import dev.wasiplay.polyfill.vfs.SymlinkNode;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** What {@code --engine both} prints when the two engines' results differ. */
final class EngineComparison {
    private EngineComparison() {}

    /** How many differing paths the report lists at most. */
    static final int MAX_LISTED_PATHS = 20;

    /**
     * Empty when exit code, status, stdout, stderr and (when both engines handed their trees back) the file trees
     * agree; else a headline and unified diffs of what differs, and one line per differing path.
     */
    static String report(EngineResult chicory, EngineResult browser) {
        StringBuilder differences = new StringBuilder();
        StringBuilder details = new StringBuilder();
        if (chicory.exitCode() != browser.exitCode() || !chicory.status().equals(browser.status())) {
            differences.append("exit code");
            details.append("exit code: chicory ").append(chicory.exitCode()).append(" (").append(chicory.status())
                    .append("), browser ").append(browser.exitCode()).append(" (").append(browser.status())
                    .append(")\n");
        }
        String stdout = UnifiedDiff.of("chicory stdout", "browser stdout", chicory.stdoutText(), browser.stdoutText());
        if (!stdout.isEmpty()) {
            differences.append(differences.length() == 0 ? "" : ", ").append("stdout");
            details.append(stdout);
        }
        String stderr = UnifiedDiff.of("chicory stderr", "browser stderr", chicory.stderrText(), browser.stderrText());
        if (!stderr.isEmpty()) {
            differences.append(differences.length() == 0 ? "" : ", ").append("stderr");
            details.append(stderr);
        }
        if (chicory.tree() != null && browser.tree() != null) {
            String files = treeDifferences(chicory.tree(), browser.tree());
            if (!files.isEmpty()) {
                differences.append(differences.length() == 0 ? "" : ", ").append("files");
                details.append(files);
            }
        }
        if (differences.length() == 0) {
            return "";
        }
        return "wasiplay: the engines differ in " + differences + "\n" + details;
    }

    /**
     * One line per path whose kind, content or link target differs between the two trees after the run
     * ({@code "files differ at /data/out.txt: chicory file of 5 bytes, browser absent"}); times are not compared.
     */
    static String treeDifferences(VirtualFileSystem chicory, VirtualFileSystem browser) {
        Map<String, Node> left = new TreeMap<>();
        Map<String, Node> right = new TreeMap<>();
        collect(chicory.root(), "", left);
        collect(browser.root(), "", right);
        TreeSet<String> paths = new TreeSet<>(left.keySet());
        paths.addAll(right.keySet());
        StringBuilder lines = new StringBuilder();
        int listed = 0;
        int differing = 0;
        for (String path : paths) {
            Node a = left.get(path);
            Node b = right.get(path);
            if (same(a, b)) {
                continue;
            }
            differing++;
            if (listed++ < MAX_LISTED_PATHS) {
                lines.append("files differ at ").append(path).append(": chicory ").append(describe(a))
                        .append(", browser ").append(describe(b)).append('\n');
            }
        }
        if (differing > MAX_LISTED_PATHS) {
            lines.append("... and ").append(differing - MAX_LISTED_PATHS).append(" more paths\n");
        }
        return lines.toString();
    }

    private static void collect(DirNode dir, String prefix, Map<String, Node> out) {
        for (DirNode.Entry entry : dir.entries()) {
            String path = prefix + "/" + entry.name();
            out.put(path, entry.node);
            if (entry.node instanceof DirNode child) {
                collect(child, path, out);
            }
        }
    }

    private static boolean same(Node a, Node b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof FileNode fa && b instanceof FileNode fb) {
            return Arrays.equals(fa.content(), fb.content());
        }
        if (a instanceof SymlinkNode la && b instanceof SymlinkNode lb) {
            return la.target().equals(lb.target());
        }
        return a instanceof DirNode && b instanceof DirNode;
    }

    private static String describe(Node node) {
        if (node == null) {
            return "absent";
        }
        if (node instanceof FileNode file) {
            return "file of " + file.size() + " bytes";
        }
        if (node instanceof SymlinkNode link) {
            return "symlink to " + link.target();
        }
        return "directory";
    }
}
