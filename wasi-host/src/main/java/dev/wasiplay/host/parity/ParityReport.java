package dev.wasiplay.host.parity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The parity report: two engines' runs of the same inputs, side by side, and whether they behaved the same. The
 * one format produced by the page's Compare, the server's {@code POST /api/compare} and {@code wasiplay run
 * --engine both}; the server README ("Parity report") documents the JSON, and the page's {@code parity-report.js} builds
 * exactly the same.
 *
 * <p>Compared: exit code, status, stdout, stderr (as text) and the files each run changed (path, change, size,
 * SHA-256). Durations are reported, never compared. The verdict is "identical" when nothing compared differs.
 *
 * @param engines     the two runs, in the order the differences' values follow
 * @param seed        deterministic mode's seed, or null when the runs were not deterministic
 * @param differences what differs, in field order (exitCode, status, stdout, stderr, then files by path)
 */
public record ParityReport(List<EngineRun> engines, Long seed, List<Difference> differences) {
    /** The value of the report's {@code format} field. */
    public static final String FORMAT = "wasiplay-parity-report/1";

    public ParityReport {
        engines = List.copyOf(engines);
        differences = List.copyOf(differences);
        if (engines.size() != 2) {
            throw new IllegalArgumentException("a parity report compares two engines");
        }
    }

    /** Compares two runs of the same inputs ({@code seed}: the deterministic mode's seed, null when off). */
    public static ParityReport compare(EngineRun first, EngineRun second, Long seed) {
        List<Difference> differences = new ArrayList<>();
        if (first.exitCode() != second.exitCode()) {
            differences.add(Difference.of("exitCode", null, null, first.exitCode(), second.exitCode()));
        }
        if (!first.status().equals(second.status())) {
            differences.add(Difference.of("status", null, null, first.status(), second.status()));
        }
        firstDifferentLine("stdout", first.stdout(), second.stdout(), differences);
        firstDifferentLine("stderr", first.stderr(), second.stderr(), differences);
        Map<String, FileChange> firstFiles = byPath(first.files());
        Map<String, FileChange> secondFiles = byPath(second.files());
        TreeSet<String> paths = new TreeSet<>(firstFiles.keySet());
        paths.addAll(secondFiles.keySet());
        for (String path : paths) {
            FileChange a = firstFiles.get(path);
            FileChange b = secondFiles.get(path);
            if (a == null || !a.equals(b)) {
                differences.add(Difference.of("files", null, path, a == null ? null : a.describe(),
                        b == null ? null : b.describe()));
            }
        }
        return new ParityReport(List.of(first, second), seed, differences);
    }

    /** "identical" or "differs". */
    public String verdict() {
        return differences.isEmpty() ? "identical" : "differs";
    }

    public boolean identical() {
        return differences.isEmpty();
    }

    /** The fields that differ, each once, in order: e.g. "exitCode, stdout". */
    public String differingFields() {
        List<String> fields = new ArrayList<>();
        for (Difference d : differences) {
            if (!fields.contains(d.field())) {
                fields.add(d.field());
            }
        }
        return String.join(", ", fields);
    }

    /**
     * The report as JSON: {@code {"format", "verdict", "deterministic": {"seed"} | null, "engines": [...],
     * "differences": [...]}}, members in that order, no whitespace.
     */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("verdict", verdict());
        json.put("deterministic", seed == null ? null : Map.of("seed", seed));
        List<Object> engineList = new ArrayList<>();
        for (EngineRun engine : engines) {
            engineList.add(engine.toJson());
        }
        json.put("engines", engineList);
        List<Object> differenceList = new ArrayList<>();
        for (Difference d : differences) {
            differenceList.add(d.toJson());
        }
        json.put("differences", differenceList);
        StringBuilder out = new StringBuilder();
        Json.write(json, out);
        return out.toString();
    }

    private static Map<String, FileChange> byPath(List<FileChange> files) {
        Map<String, FileChange> map = new LinkedHashMap<>();
        for (FileChange file : files) {
            map.put(file.path(), file);
        }
        return map;
    }

    /**
     * Adds a difference for the first line that differs, if any. Lines are split at "\n" only, and text after the
     * last "\n" is a line of its own (empty when the text ends with "\n"), so a missing final newline shows as
     * a difference in the last line: "" against null.
     */
    private static void firstDifferentLine(String field, String first, String second, List<Difference> out) {
        if (first.equals(second)) {
            return;
        }
        String[] a = first.split("\n", -1);
        String[] b = second.split("\n", -1);
        for (int i = 0; ; i++) {
            String lineA = i < a.length ? a[i] : null;
            String lineB = i < b.length ? b[i] : null;
            if (lineA == null ? lineB != null : !lineA.equals(lineB)) {
                out.add(Difference.of(field, i + 1, null, lineA, lineB));
                return;
            }
        }
    }
}
