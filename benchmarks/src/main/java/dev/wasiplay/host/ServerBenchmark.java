package dev.wasiplay.host;

import dev.wasiplay.runtimes.BundledRuntimes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server execution speed as ratios against Node's built-in WASI running the same python.wasm bytes on the same
 * machine in the same run (see BENCHMARKS.md). Workloads: print('hello') end to end, a 1M-iteration loop, and
 * throughput of hello runs two at a time. Warm: the JVM has parsed (and, for compiled modes, compiled) the
 * module and done warm-up runs; pre-started modes have an instance waiting before each timed hello run.
 *
 * <p>Options: --reps=N (timed hello runs), --loop-reps=N, --throughput-runs=N, --modes=A,B (ExecutionMode names).
 */
public final class ServerBenchmark {
    private static final double GOAL = 3.0;
    private static final String HELLO = "print('hello')\n";
    private static final String LOOP = "s=0\nfor i in range(1000000): s+=i\nprint(s)\n";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("reps", "5", "loop-reps", "3", "throughput-runs", "8",
                "modes", "INTERPRETER,COMPILER,PRESTARTED_INTERPRETER,PRESTARTED_COMPILER"));
        for (String arg : args) {
            if (!arg.startsWith("--") || arg.indexOf('=') < 0 || !options.containsKey(arg.substring(2, arg.indexOf('=')))) {
                throw new IllegalArgumentException("unknown option " + arg + "; known: " + options.keySet());
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int reps = Integer.parseInt(options.get("reps"));
        int loopReps = Integer.parseInt(options.get("loop-reps"));
        int throughputRuns = Integer.parseInt(options.get("throughput-runs"));

        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel()
                + ", JDK " + System.getProperty("java.version") + ", node " + command("node", "--version").trim());
        List<Row> rows = new ArrayList<>();
        Map<String, double[]> node = runNode(reps, loopReps, throughputRuns);
        rows.add(new Row("hello", "node:wasi", node.get("hello"), null));
        if (loopReps > 0) {
            rows.add(new Row("loop 1M", "node:wasi", node.get("loop"), null));
        }
        rows.add(new Row("hello x" + throughputRuns + " on 2 threads", "node:wasi", node.get("throughput"), null));

        for (String name : options.get("modes").split(",")) {
            ExecutionMode mode = ExecutionMode.valueOf(name.trim());
            System.out.println("measuring " + mode + " ...");
            try (PythonExecutor executor = PythonExecutors.create(mode, PythonExecutors.DEFAULT_PRESTARTED)) {
                long warmStart = System.nanoTime();
                run(executor, HELLO, "hello\n"); // parse (and compile) the module, first start-up
                System.out.println("  first run (cold) " + ms(System.nanoTime() - warmStart) + " ms");
                for (int i = 0; i < 2; i++) {
                    awaitInstance(executor, 1);
                    run(executor, HELLO, "hello\n");
                }
                double[] hello = new double[reps];
                for (int i = 0; i < reps; i++) {
                    awaitInstance(executor, 1);
                    hello[i] = run(executor, HELLO, "hello\n");
                }
                rows.add(new Row("hello", mode.name(), hello, node.get("hello")));
                if (loopReps > 0) { // --loop-reps=0 skips the loop: minutes per run on the interpreter
                    awaitInstance(executor, 1);
                    run(executor, LOOP, "499999500000\n"); // warm-up
                    double[] loop = new double[loopReps];
                    for (int i = 0; i < loopReps; i++) {
                        awaitInstance(executor, 1);
                        loop[i] = run(executor, LOOP, "499999500000\n");
                    }
                    rows.add(new Row("loop 1M", mode.name(), loop, node.get("loop")));
                }
                awaitInstance(executor, PythonExecutors.DEFAULT_PRESTARTED);
                rows.add(new Row("hello x" + throughputRuns + " on 2 threads", mode.name(),
                        new double[] {throughput(executor, throughputRuns)}, node.get("throughput")));
            }
            printTable(rows);
        }
    }

    /** One timed run, end to end as the server sees it; fails loudly if the output is wrong. */
    private static double run(PythonExecutor executor, String script, String expected) {
        long start = System.nanoTime();
        RunOutcome outcome = executor.run(RunSpec.builder().argv(List.of("python", "/main.py"))
                .file("/main.py", script.getBytes(StandardCharsets.UTF_8)).build());
        double elapsed = (System.nanoTime() - start) / 1e6;
        if (outcome.exitCode() != 0 || !outcome.stdoutText().equals(expected)) {
            throw new IllegalStateException(executor.mode() + " gave exit " + outcome.exitCode() + ", stdout "
                    + outcome.stdoutText() + ", stderr " + outcome.stderrText());
        }
        return elapsed;
    }

    /** Milliseconds for {@code runs} hello runs, two at a time. */
    private static double throughput(PythonExecutor executor, int runs) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        AtomicInteger left = new AtomicInteger(runs);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            done.add(threads.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    run(executor, HELLO, "hello\n");
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        threads.shutdown();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void awaitInstance(PythonExecutor executor, int count) throws InterruptedException {
        if (executor instanceof PrestartedPython pool && !pool.awaitReady(count, 120_000)) {
            throw new IllegalStateException("no pre-started instance within 120 s");
        }
    }

    /** Runs the Node reference; returns milliseconds per workload (throughput: one figure, the whole batch). */
    private static Map<String, double[]> runNode(int reps, int loopReps, int throughputRuns) throws Exception {
        Path dir = Files.createTempDirectory("wasiplay-bench");
        Path wasm = dir.resolve("python.wasm");
        Files.write(wasm, BundledRuntimes.python().bytes());
        Path script = dir.resolve("node-wasi-bench.mjs");
        try (InputStream in = ServerBenchmark.class.getResourceAsStream("/dev/wasiplay/bench/node-wasi-bench.mjs")) {
            Files.write(script, in.readAllBytes());
        }
        Map<String, double[]> result = new LinkedHashMap<>();
        String helloOut = command("node", "--no-warnings", script.toString(), wasm.toString(), Integer.toString(reps),
                Integer.toString(throughputRuns), "hello=" + HELLO);
        String loopOut = loopReps == 0 ? "" : command("node", "--no-warnings", script.toString(), wasm.toString(),
                Integer.toString(loopReps), "0", "loop=" + LOOP);
        for (String line : (helloOut + loopOut).strip().split("\n")) {
            String name = field(line, "\"name\":\"", "\"");
            if (name.equals("throughput")) {
                if (throughputRuns > 0 && result.get("throughput") == null) {
                    result.put("throughput", new double[] {Double.parseDouble(field(line, "\"seconds\":", "}")) * 1000});
                }
                continue;
            }
            String expected = name.equals("hello") ? "hello\\n" : "499999500000\\n";
            if (!line.contains("\"exit\":0") || !line.contains("\"output\":\"" + expected + "\"")) {
                throw new IllegalStateException("node gave a wrong result: " + line);
            }
            result.put(name, Arrays.stream(field(line, "\"times\":[", "]").split(",")).mapToDouble(Double::parseDouble).toArray());
        }
        return result;
    }

    private static String field(String line, String before, String after) {
        int start = line.indexOf(before) + before.length();
        return line.substring(start, line.indexOf(after, start));
    }

    private static String command(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static String cpuModel() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown CPU";
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private record Row(String workload, String runner, double[] millis, double[] node) {
        double min() {
            return Arrays.stream(millis).min().orElseThrow();
        }

        double median() {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
    }

    private static double median(double[] values) {
        return new Row("", "", values, null).median();
    }

    private static void printTable(List<Row> rows) {
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "| %-24s | %-22s | %10s | %10s | %13s | %13s | %s |",
                "workload", "runner", "min ms", "median ms", "min vs node", "median vs node", "goal"));
        System.out.println("|" + "-".repeat(26) + "|" + "-".repeat(24) + "|" + "-".repeat(12) + "|" + "-".repeat(12)
                + "|" + "-".repeat(15) + "|" + "-".repeat(16) + "|" + "-".repeat(13) + "|");
        for (Row row : rows) {
            String minRatio = row.node == null ? "1.0x" : ratio(row.min() / Arrays.stream(row.node).min().orElseThrow());
            String medRatio = row.node == null ? "1.0x" : ratio(row.median() / median(row.node));
            String goal = row.node == null ? "reference"
                    : "<= 3x " + (row.median() / median(row.node) <= GOAL ? "MET" : "missed");
            System.out.println(String.format(Locale.ROOT, "| %-24s | %-22s | %10.0f | %10.0f | %13s | %14s | %-11s |",
                    row.workload, row.runner, row.min(), row.median(), minRatio, medRatio, goal));
        }
        System.out.println();
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.1fx", value);
    }
}
