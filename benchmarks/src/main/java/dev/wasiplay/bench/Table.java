package dev.wasiplay.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The benchmark's one table, as Markdown, columns as wide as their widest cell. */
final class Table {
    private static final String[] HEADERS = {"part", "workload", "runner", "runs", "min", "median", "min ratio",
        "median ratio", "goal", "note"};

    private final List<Row> rows = new ArrayList<>();

    void addAll(List<Row> more) {
        rows.addAll(more);
    }

    void print(PrintStream out) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADERS);
        for (Row row : rows) {
            Samples s = row.samples();
            cells.add(new String[] {row.part(), row.workload(), row.runner(),
                s == null ? "" : Integer.toString(s.count()),
                s == null ? "failed" : figure(s.min(), s.lowerBound(), row.unit()),
                s == null ? "failed" : figure(s.median(), s.lowerBound(), row.unit()),
                row.minRatio(), row.medianRatio(), row.goal(), row.note()});
        }
        int[] widths = new int[HEADERS.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        boolean[] rightAligned = {false, false, false, true, true, true, true, true, false, false};
        Function<String[], String> format = line -> {
            StringBuilder text = new StringBuilder("|");
            for (int i = 0; i < line.length; i++) {
                String pad = " ".repeat(widths[i] - line[i].length());
                text.append(' ').append(rightAligned[i] ? pad + line[i] : line[i] + pad).append(" |");
            }
            return text.toString();
        };
        out.println(format.apply(cells.get(0)));
        StringBuilder rule = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            rule.append(rightAligned[i] ? "-".repeat(widths[i] + 1) + ":|" : "-".repeat(widths[i] + 2) + "|");
        }
        out.println(rule);
        for (String[] line : cells.subList(1, cells.size())) {
            out.println(format.apply(line));
        }
    }

    /** "1,234 ms", "12.3 ms", "13,343,680 B"; "&gt; " for a lower bound. */
    static String figure(double value, boolean lowerBound, String unit) {
        String number;
        if (unit.equals("ms") && value < 10) {
            number = String.format(Locale.ROOT, "%.2f", value);
        } else if (unit.equals("ms") && value < 100) {
            number = String.format(Locale.ROOT, "%.1f", value);
        } else {
            number = String.format(Locale.ROOT, "%,.0f", value);
        }
        return (lowerBound ? "> " : "") + number + " " + unit;
    }
}
