package dev.wasiplay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasiplay.runtimes.BundledRuntimes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Node's built-in WASI running the same python.wasm bytes (node-wasi-bench.mjs, in a child process): the
 * reference on the server and the native floor in the browser part. Checks every workload's output.
 */
final class NodeWasi {
    static final String RUNNER = "node:wasi";
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeWasi() {
    }

    /** What node measured: per workload its times; "throughput" (if asked for) the whole batch. */
    record Result(Map<String, Samples> times, Samples throughput) {
    }

    /**
     * Runs each workload once to check it and {@code reps} times timed; then, if {@code throughputRuns} &gt; 0,
     * that many runs of {@code throughputWorkload} two at a time.
     */
    static Result run(List<Workload> workloads, int reps, String throughputWorkload, int throughputRuns)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("wasiplay-bench-node");
        Path wasm = dir.resolve("python.wasm");
        Files.write(wasm, BundledRuntimes.python().bytes());
        Path script = dir.resolve("node-wasi-bench.mjs");
        try (InputStream in = NodeWasi.class.getResourceAsStream("node-wasi-bench.mjs")) {
            if (in == null) {
                throw new IllegalStateException("node-wasi-bench.mjs is not on the classpath: build with -Pbench");
            }
            Files.write(script, in.readAllBytes());
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("reps", reps);
        List<Object> list = new ArrayList<>();
        workloads.forEach(w -> list.add(w.toJson()));
        spec.put("workloads", list);
        if (throughputRuns > 0) {
            spec.put("throughput", Map.of("workload", throughputWorkload, "runs", throughputRuns));
        }
        Path specFile = dir.resolve("spec.json");
        JSON.writeValue(specFile.toFile(), spec);

        // Without --no-turbo-fast-api-calls, node:wasi (Node 20) segfaults now and then when CPython reads a
        // 5 MB file after growing its memory (V8's fast API calls into WASI); the flag made no measurable
        // difference to the other workloads here. See BENCHMARKS.md.
        String out = Commands.output("node", "--no-warnings", "--no-turbo-fast-api-calls", script.toString(),
                wasm.toString(), specFile.toString());
        Map<String, Samples> times = new LinkedHashMap<>();
        Samples throughput = null;
        for (String line : out.strip().split("\n")) {
            JsonNode result = JSON.readTree(line);
            String name = result.get("name").asText();
            if (name.equals("throughput") && result.has("ms")) {
                throughput = Samples.of(result.get("ms").asDouble());
                continue;
            }
            Workload workload = workloads.stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
            if (result.get("exit").asInt() != 0 || !result.get("output").asText().equals(workload.expectedStdout())) {
                throw new IllegalStateException("node:wasi gave a wrong result for " + name + ": exit "
                        + result.get("exit") + ", output " + abbreviate(result.get("output").asText()));
            }
            List<Double> values = new ArrayList<>();
            result.get("times").forEach(t -> values.add(t.asDouble()));
            times.put(name, Samples.of(values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return new Result(times, throughput);
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 150) + "..." + text.substring(text.length() - 150);
    }

    /** node --version, e.g. v20.20.2. */
    static String version() throws IOException, InterruptedException {
        return Commands.output("node", "--version").trim();
    }
}
