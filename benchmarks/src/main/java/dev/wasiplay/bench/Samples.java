package dev.wasiplay.bench;

import java.util.Arrays;

/**
 * Repeated measurements of one figure (milliseconds or bytes). {@code lowerBound}: the run was stopped at a
 * time cap, so the true figure is at least this (printed with "&gt;").
 */
record Samples(double[] values, boolean lowerBound) {
    Samples {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        values = values.clone();
    }

    static Samples of(double... values) {
        return new Samples(values, false);
    }

    static Samples atLeast(double value) {
        return new Samples(new double[] {value}, true);
    }

    double min() {
        return Arrays.stream(values).min().orElseThrow();
    }

    double median() {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int half = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    int count() {
        return values.length;
    }
}
