package dev.wasiplay.bench;

import dev.wasiplay.host.ExecutionMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options, --name=value (benchmarks/pom.xml passes the bench.* Maven properties):
 * parts (server,browser,transfer), reps (server timed hello runs and node reference runs), warmups (server hello
 * runs before the timed ones, per mode), browser-reps
 * (timed runs per runner and browser workload), browser-workloads (startup,prints,files,loop,read), loop-reps
 * and loop-cap-seconds (server loop), throughput-runs,
 * modes (wasi-host ExecutionMode names), cold-loads.
 */
record Options(List<String> parts, int reps, int warmups, int browserReps, List<String> browserWorkloads, int loopReps,
        int loopCapSeconds, int throughputRuns,
        List<ExecutionMode> modes, int coldLoads) {

    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("parts", "server,browser,transfer");
        d.put("reps", "5");
        d.put("warmups", "10");
        d.put("browser-reps", "5");
        d.put("browser-workloads", String.join(",", BrowserPart.workloadKeys()));
        d.put("loop-reps", "3");
        d.put("loop-cap-seconds", "20");
        d.put("throughput-runs", "4");
        d.put("modes", "INTERPRETER,COMPILER,PRESTARTED_INTERPRETER,PRESTARTED_COMPILER");
        d.put("cold-loads", "3");
        return d;
    }

    static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0 || !values.containsKey(arg.substring(2, equals))) {
                throw new IllegalArgumentException("unknown option " + arg + "; known: --" + String.join("=, --", values.keySet()) + "=");
            }
            values.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        List<String> parts = new ArrayList<>();
        for (String part : values.get("parts").split(",")) {
            String name = part.trim();
            if (!List.of("server", "browser", "transfer").contains(name)) {
                throw new IllegalArgumentException("unknown part " + name + "; known: server, browser, transfer");
            }
            parts.add(name);
        }
        List<String> workloads = new ArrayList<>();
        for (String workload : values.get("browser-workloads").split(",")) {
            String key = workload.trim();
            if (!BrowserPart.workloadKeys().contains(key)) {
                throw new IllegalArgumentException("unknown browser workload " + key + "; known: "
                        + String.join(", ", BrowserPart.workloadKeys()));
            }
            workloads.add(key);
        }
        List<ExecutionMode> modes = new ArrayList<>();
        for (String mode : values.get("modes").split(",")) {
            if (!mode.isBlank()) {
                modes.add(ExecutionMode.valueOf(mode.trim()));
            }
        }
        return new Options(parts, number(values, "reps", 1), number(values, "warmups", 0), number(values, "browser-reps", 1), workloads,
                number(values, "loop-reps", 0), number(values, "loop-cap-seconds", 1),
                number(values, "throughput-runs", 0), modes, number(values, "cold-loads", 1));
    }

    private static int number(Map<String, String> values, String name, int min) {
        int value;
        try {
            value = Integer.parseInt(values.get(name).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not " + values.get(name));
        }
        if (value < min) {
            throw new IllegalArgumentException("--" + name + " must be at least " + min);
        }
        return value;
    }

    /** The options as they were in effect, for the record. */
    String describe() {
        return "parts=" + String.join(",", parts) + " reps=" + reps + " warmups=" + warmups + " browser-reps=" + browserReps
                + " browser-workloads=" + String.join(",", browserWorkloads)
                + " loop-reps=" + loopReps + " loop-cap-seconds=" + loopCapSeconds + " throughput-runs="
                + throughputRuns + " modes=" + modes.stream().map(Enum::name).reduce((a, b) -> a + "," + b).orElse("")
                + " cold-loads=" + coldLoads;
    }
}
