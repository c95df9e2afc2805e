package dev.wasiplay.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line, with three lines of context, as {@code diff -u} prints it (a last line
 * without a newline is marked "\ No newline at end of file"). Common lines at the start and end are set aside first;
 * what remains is matched by longest common subsequence when it is small enough, else shown as replaced whole.
 */
final class UnifiedDiff {
    private static final int CONTEXT = 3;
    private static final long MAX_MATCH_CELLS = 4_000_000;

    private record Line(char kind, String text, int fromLine, int toLine) {}

    private UnifiedDiff() {}

    /** The diff, starting with "--- from" and "+++ to"; empty when the texts are equal. */
    static String of(String fromName, String toName, String from, String to) {
        if (from.equals(to)) {
            return "";
        }
        List<Line> lines = edits(split(from), split(to));
        StringBuilder out = new StringBuilder("--- ").append(fromName).append("\n+++ ").append(toName).append('\n');
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).kind == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int lastChange = i;
            int j = i;
            while (j < lines.size() && (lines.get(j).kind != ' ' || j - lastChange <= 2 * CONTEXT)) {
                if (lines.get(j).kind != ' ') {
                    lastChange = j;
                }
                j++;
            }
            int end = Math.min(lines.size(), lastChange + 1 + CONTEXT);
            hunk(lines.subList(start, end), out);
            i = end;
        }
        return out.toString();
    }

    private static void hunk(List<Line> lines, StringBuilder out) {
        int fromCount = 0;
        int toCount = 0;
        int fromStart = -1;
        int toStart = -1;
        for (Line line : lines) {
            if (line.kind != '+') {
                fromCount++;
                fromStart = fromStart < 0 ? line.fromLine : fromStart;
            }
            if (line.kind != '-') {
                toCount++;
                toStart = toStart < 0 ? line.toLine : toStart;
            }
        }
        // An empty side is numbered by the line before it, as diff does (an added line carries that number).
        out.append("@@ -").append(range(fromStart < 0 ? lines.get(0).fromLine : fromStart, fromCount))
                .append(" +").append(range(toStart < 0 ? lines.get(0).toLine : toStart, toCount)).append(" @@\n");
        for (Line line : lines) {
            out.append(line.kind);
            if (line.text.endsWith("\n")) {
                out.append(line.text);
            } else {
                out.append(line.text).append("\n\\ No newline at end of file\n");
            }
        }
    }

    private static String range(int start, int count) {
        return count == 1 ? Integer.toString(start) : start + "," + count;
    }

    /** Lines with their newline kept, so a missing final newline is a difference. */
    private static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** The edit script turning {@code a} into {@code b}, each line numbered (1-based) on its side(s). */
    private static List<Line> edits(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> midA = a.subList(prefix, a.size() - suffix);
        List<String> midB = b.subList(prefix, b.size() - suffix);

        List<Line> lines = new ArrayList<>();
        int[] at = {0, 0}; // lines of a and b used so far
        for (int k = 0; k < prefix; k++) {
            add(lines, ' ', a.get(k), at);
        }
        if ((long) midA.size() * midB.size() <= MAX_MATCH_CELLS) {
            int n = midA.size();
            int m = midB.size();
            int[][] common = new int[n + 1][m + 1]; // common[i][j]: LCS length of midA[i..] and midB[j..]
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    common[i][j] = midA.get(i).equals(midB.get(j)) ? common[i + 1][j + 1] + 1
                            : Math.max(common[i + 1][j], common[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && midA.get(i).equals(midB.get(j))) {
                    add(lines, ' ', midA.get(i++), at);
                    j++;
                } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                    add(lines, '-', midA.get(i++), at); // removals before additions, as diff prints them
                } else {
                    add(lines, '+', midB.get(j++), at);
                }
            }
        } else {
            midA.forEach(line -> add(lines, '-', line, at));
            midB.forEach(line -> add(lines, '+', line, at));
        }
        for (int k = a.size() - suffix; k < a.size(); k++) {
            add(lines, ' ', a.get(k), at);
        }
        return lines;
    }

    private static void add(List<Line> lines, char kind, String text, int[] at) {
        if (kind != '+') {
            at[0]++;
        }
        if (kind != '-') {
            at[1]++;
        }
        lines.add(new Line(kind, text, at[0], at[1]));
    }
}
