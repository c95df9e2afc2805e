package dev.wasiplay.bench;

import java.util.Locale;

/** Ratios between figures and goal checks, worded for the table. */
final class Ratios {
    private Ratios() {
    }

    /** "2.31x runno": {@code value / reference}, "&gt; 45x ..." when the value is a lower bound. */
    static String of(double value, double reference, boolean lowerBound, String referenceName) {
        return (lowerBound ? "> " : "") + times(value / reference) + " " + referenceName;
    }

    static String minRatio(Samples value, Samples reference, String referenceName) {
        return of(value.min(), reference.min(), value.lowerBound(), referenceName);
    }

    static String medianRatio(Samples value, Samples reference, String referenceName) {
        return of(value.median(), reference.median(), value.lowerBound(), referenceName);
    }

    /** "&lt;= 3x node:wasi: MET" or "... missed", judged on the medians. */
    static String goal(Samples value, Samples reference, double limit, String referenceName) {
        boolean met = !value.lowerBound() && value.median() / reference.median() <= limit;
        return "<= " + times(limit) + " " + referenceName + ": " + (met ? "MET" : "missed");
    }

    static String times(double ratio) {
        if (ratio >= 10) {
            return String.format(Locale.ROOT, "%.0fx", ratio);
        }
        return String.format(Locale.ROOT, ratio >= 1 ? "%.1fx" : "%.2fx", ratio);
    }
}
