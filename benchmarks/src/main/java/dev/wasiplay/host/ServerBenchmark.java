package dev.wasiplay.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasiplay.bench.Benchmarks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server part: wasi-host running the bundled python.wasm in each {@link ExecutionMode}, timed end to end
 * as the server sees a run ({@code python /main.py} with the program in a fresh in-memory tree). Workloads:
 * print('hello') (start-up), a 1M-iteration loop, and the wall time of a batch of hello runs two at a time
 * (2 cores). Warm, as a server that has been serving for a while: the module is parsed (and compiled, for compiled
 * modes), {@code warmups} hello runs are done first (the JVM compiles the guest's hot code as it runs, so the
 * first runs of a process are slower), compiled modes also run the loop once before the timed loop runs, and
 * pre-started modes have all their instances waiting before each timed run. In this package for
 * {@link PythonExecutors#awaitReady}.
 *
 * <p>The loop takes minutes on Chicory's interpreter, so each mode gets at most {@code loopReps} loop runs,
 * each stopped (by interrupting it) after {@code loopCapSeconds}; a stopped run is reported as "&gt; cap",
 * and no further loop run is made for that mode.
 */
public final class ServerBenchmark {
    public static final String HELLO = "print('hello')\n";
    public static final String LOOP = "s=0\nfor i in range(1000000): s+=i\nprint(s)\n";

    private final int reps;
    private final int warmups;
    private final int loopReps;
    private final int loopCapSeconds;
    private final int throughputRuns;

    public ServerBenchmark(int reps, int warmups, int loopReps, int loopCapSeconds, int throughputRuns) {
        this.reps = reps;
        this.warmups = warmups;
        this.loopReps = loopReps;
        this.loopCapSeconds = loopCapSeconds;
        this.throughputRuns = throughputRuns;
    }

    /** What one mode measured; loop is null when loopReps is 0, loopCapped when a loop run hit the cap. */
    public record ModeResult(ExecutionMode mode, double[] hello, double[] loop, boolean loopCapped, double throughput) {
    }

    public ModeResult measure(ExecutionMode mode) throws Exception {
        try (PythonExecutor executor = PythonExecutors.create(mode, PythonExecutors.DEFAULT_PRESTARTED)) {
            long warmStart = System.nanoTime();
            run(executor, HELLO, "hello\n"); // parse (and compile) the module, first start-up
            Benchmarks.progress("  %s: first run (cold) %d ms", mode, (System.nanoTime() - warmStart) / 1_000_000);
            for (int i = 0; i < warmups; i++) {
                awaitInstances(executor);
                run(executor, HELLO, "hello\n");
            }
            double[] hello = new double[reps];
            for (int i = 0; i < reps; i++) {
                awaitInstances(executor);
                hello[i] = run(executor, HELLO, "hello\n");
            }
            Benchmarks.progress("  %s: hello done", mode);
            List<Double> loop = new ArrayList<>();
            boolean capped = false;
            if (loopReps > 0 && mode.compiled()) {
                awaitInstances(executor);
                Double warm = runCapped(executor, LOOP, "499999500000\n");
                Benchmarks.progress("  %s: loop warm-up run: %s", mode, warm == null ? "stopped at the cap" : warm.intValue() + " ms");
            }
            for (int i = 0; i < loopReps && !capped; i++) {
                awaitInstances(executor);
                Double elapsed = runCapped(executor, LOOP, "499999500000\n");
                capped = elapsed == null;
                loop.add(capped ? loopCapSeconds * 1000.0 : elapsed);
                Benchmarks.progress("  %s: loop run %d: %s", mode, i + 1, capped ? "stopped at the cap" : elapsed.intValue() + " ms");
            }
            awaitInstances(executor);
            double throughput = throughput(executor, throughputRuns);
            return new ModeResult(mode, hello, loopReps == 0 ? null : loop.stream().mapToDouble(Double::doubleValue).toArray(),
                    capped, throughput);
        }
    }

    /**
     * print('hello') through a running WasiPlay server's {@code POST /api/run} at {@code baseUrl}, whose runs use
     * {@code limits} (its run settings): the request a playground user makes, HTTP and JSON included. Warmed up
     * like the modes; before each request the server's pre-started instances are all waiting. Milliseconds per
     * timed request; fails loudly on a wrong answer.
     */
    public double[] overHttp(String baseUrl, RunLimits limits) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"files\": {\"main.py\": \"print('hello')\\n\"}, \"main\": \"main.py\"}"))
                .build();
        PythonExecutor serverExecutor = PythonExecutors.fastestFor(limits);
        ObjectMapper json = new ObjectMapper();
        double[] times = new double[reps];
        for (int i = -1 - warmups; i < reps; i++) {
            awaitInstances(serverExecutor);
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            double elapsed = (System.nanoTime() - start) / 1e6;
            JsonNode answer = response.statusCode() == 200 ? json.readTree(response.body()) : null;
            if (answer == null || answer.get("exitCode").intValue() != 0 || !answer.get("stdout").asText().equals("hello\n")) {
                throw new IllegalStateException("POST /api/run answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= 0) {
                times[i] = elapsed;
            }
        }
        return times;
    }

    /** One timed run, end to end as the server sees it; fails loudly if the output is wrong. */
    private static double run(PythonExecutor executor, String script, String expected) {
        long start = System.nanoTime();
        RunOutcome outcome = executor.run(spec(script));
        double elapsed = (System.nanoTime() - start) / 1e6;
        check(executor, outcome, expected);
        return elapsed;
    }

    /** Like {@link #run}, but interrupted after the cap: null then. */
    private Double runCapped(PythonExecutor executor, String script, String expected) {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        Thread runner = Thread.currentThread();
        AtomicBoolean finished = new AtomicBoolean();
        watchdog.schedule(() -> {
            synchronized (finished) {
                if (!finished.get()) {
                    runner.interrupt();
                }
            }
        }, loopCapSeconds, TimeUnit.SECONDS);
        try {
            long start = System.nanoTime();
            RunOutcome outcome = executor.run(spec(script));
            double elapsed = (System.nanoTime() - start) / 1e6;
            synchronized (finished) {
                finished.set(true);
            }
            Thread.interrupted(); // the interrupt that stopped the run must not reach the next one
            if (outcome.stderrText().contains("run interrupted")) {
                return null;
            }
            check(executor, outcome, expected);
            return elapsed;
        } finally {
            watchdog.shutdownNow();
        }
    }

    private static RunSpec spec(String script) {
        return RunSpec.builder().argv(List.of("python", "/main.py"))
                .file("/main.py", script.getBytes(StandardCharsets.UTF_8)).build();
    }

    private static void check(PythonExecutor executor, RunOutcome outcome, String expected) {
        if (outcome.exitCode() != 0 || !outcome.stdoutText().equals(expected)) {
            throw new IllegalStateException(executor.mode() + " gave exit " + outcome.exitCode() + ", stdout "
                    + outcome.stdoutText() + ", stderr " + outcome.stderrText());
        }
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

    /** For pre-started modes: waits until all the pool's instances are started (as on a server between requests). */
    private static void awaitInstances(PythonExecutor executor) throws InterruptedException {
        if (!PythonExecutors.awaitReady(executor, 300_000)) {
            throw new IllegalStateException("no pre-started instance within 300 s");
        }
    }
}
