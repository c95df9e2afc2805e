package dev.wasiplay.bench;

import com.microsoft.playwright.Page;
import dev.wasiplay.runtimes.BundledRuntimes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The browser part: in one Chromium page (bench.html), WasiPlay's TeaVM worker against the npm peers, every
 * runner in its own dedicated Web Worker, all instantiating the one WebAssembly.Module the page compiled from
 * the bundled python.wasm; Node's WASI runs the same workloads as the native floor. Each runner does one
 * checked warm-up run per workload, then the timed runs go round the runners, each round in its own
 * shuffled order (so drift of the machine and what one run leaves behind hit all alike). Every timed run's output is checked too.
 * Besides the peers as shipped, "runno, output joined" is runno with its output joined the way WasiPlay's
 * worker joins it, to show what that part of WasiPlay's design is worth; it does not count as a peer. Goals (issue #1): WasiPlay's median &lt;= 1.0x the fastest peer's on start-up and
 * &lt;= 0.5x on syscall-heavy workloads; the 1M loop runs in the browser's own wasm engine for every runner,
 * so it has no goal.
 */
final class BrowserPart {
    private static final String PART = "browser";
    static final String OURS = "wasiplay";
    private static final List<String> PEERS = List.of("browser_wasi_shim", "runno");
    /**
     * A runner whose warm-up run of a workload took longer than this gets at most {@link #SLOW_RUNNER_REPS}
     * timed runs of it (browser_wasi_shim takes ~17 s for the 20,000 prints): the table's runs column shows it.
     */
    private static final double SLOW_RUN_MS = 5000;
    private static final int SLOW_RUNNER_REPS = 3;
    /** Not a peer as shipped: runno with its output joined the way WasiPlay's worker joins it. */
    private static final String JOINED = "runno, output joined";

    /** A workload, its short name for --browser-workloads, and its goal against the fastest peer (0: none). */
    private record Case(String key, Workload workload, double goal) {
    }

    private static final String FILES_SCRIPT = String.join("\n",
            "import os",
            "data = b'0123456789abcdef' * 64",
            "for i in range(300):",
            "    with open(f'/f{i}.txt', 'wb') as f: f.write(data)",
            "n = 0",
            "for i in range(300):",
            "    with open(f'/f{i}.txt', 'rb') as f: n += len(f.read())",
            "for i in range(300):",
            "    os.remove(f'/f{i}.txt')",
            "print(n, len(os.listdir('/')))");

    private static final List<Case> CASES = List.of(
            new Case("startup", Workload.python("start-up: python -c pass", List.of("python", "-c", "pass"), ""), 1.0),
            new Case("prints", Workload.python("20,000 prints: python -u", List.of("python", "-u", "-c",
                    "for i in range(20000): print(i)"), IntStream.range(0, 20000).mapToObj(i -> i + "\n")
                    .collect(Collectors.joining())), 0.5),
            new Case("files", Workload.python("300 files of 1 KiB written, read, deleted", List.of("python", "-c", FILES_SCRIPT),
                    "307200 0\n"), 0.5),
            new Case("loop", Workload.python("loop 1M", List.of("python", "-c", "s=0\nfor i in range(1000000): s+=i\nprint(s)"),
                    "499999500000\n"), 0),
            new Case("read", Workload.python("read a 5 MiB file", List.of("python", "-c",
                    "print(len(open('/big.bin', 'rb').read()))"), "5242880\n")
                    .withFile("big.bin", Workload.filler(5 * 1024 * 1024)), 0.5));

    /** The short names --browser-workloads takes, in the order they run. */
    static List<String> workloadKeys() {
        return CASES.stream().map(Case::key).toList();
    }

    private BrowserPart() {
    }

    static List<Row> run(Options options) throws Exception {
        List<String> runners = new ArrayList<>(List.of(OURS));
        runners.addAll(PEERS);
        runners.add(JOINED);
        Map<String, Map<String, List<Double>>> times = new LinkedHashMap<>();
        Map<String, Map<String, String>> failures = new LinkedHashMap<>();
        List<Case> cases = CASES.stream().filter(c -> options.browserWorkloads().contains(c.key())).toList();
        try (BenchServer server = new BenchServer(BundledRuntimes.python().bytes()); Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            page.onPageError(e -> System.err.println("[bench page error] " + e));
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    System.err.println("[bench page console] " + m.text());
                }
            });
            page.navigate(server.url("/bench.html"));
            @SuppressWarnings("unchecked")
            Map<String, Object> setUp = (Map<String, Object>) page.evaluate("() => bench.setUp()");
            if (!Boolean.TRUE.equals(setUp.get("crossOriginIsolated"))) {
                throw new IllegalStateException("the benchmark page is not cross-origin isolated: " + setUp);
            }
            Benchmarks.progress("browser: Chromium %s, python.wasm %s bytes compiled once in the page",
                    chromium.version(), setUp.get("wasmBytes"));
            for (Case c : cases) {
                Workload w = c.workload();
                page.evaluate("w => bench.define(w)", w.toJson());
                Map<String, List<Double>> byRunner = new LinkedHashMap<>();
                Map<String, String> failed = new LinkedHashMap<>();
                List<String> slow = new ArrayList<>();
                for (String runner : runners) {
                    byRunner.put(runner, new ArrayList<>());
                    List<Double> warmUp = new ArrayList<>();
                    String error = runOnce(page, runner, w.name(), warmUp); // checked, not recorded
                    if (error != null) {
                        failed.put(runner, error);
                    } else if (warmUp.get(0) > SLOW_RUN_MS) {
                        slow.add(runner);
                    }
                }
                for (int rep = 0; rep < options.browserReps(); rep++) {
                    // Every round in its own (seeded) order: no runner always goes first, or right after the
                    // same other one (whose garbage collection or background tier-up may still be going on).
                    List<String> round = new ArrayList<>(runners);
                    Collections.shuffle(round, new Random(rep));
                    for (String runner : round) {
                        boolean enough = slow.contains(runner) && byRunner.get(runner).size() >= SLOW_RUNNER_REPS;
                        if (!failed.containsKey(runner) && !enough) {
                            String error = runOnce(page, runner, w.name(), byRunner.get(runner));
                            if (error != null) {
                                failed.put(runner, error);
                            }
                        }
                    }
                }
                times.put(w.name(), byRunner);
                failures.put(w.name(), failed);
                Benchmarks.progress("browser: %s: %s", w.name(), byRunner.entrySet().stream()
                        .map(e -> e.getKey() + " " + (failed.containsKey(e.getKey()) ? "failed"
                                : e.getValue().isEmpty() ? "-" : Math.round(Samples.of(toArray(e.getValue())).median()) + " ms"))
                        .collect(Collectors.joining(", ")));
            }
        }
        Benchmarks.progress("browser: node:wasi (native floor) ...");
        NodeWasi.Result node = NodeWasi.run(cases.stream().map(Case::workload).toList(), options.browserReps(), null, 0);

        List<Row> rows = new ArrayList<>();
        Map<String, List<Double>> startUp = times.get(CASES.get(0).workload().name()); // null if not run
        for (Case c : cases) {
            rows.addAll(rows(c, times.get(c.workload().name()), failures.get(c.workload().name()),
                    node.times().get(c.workload().name()), c == CASES.get(0) ? null : startUp));
        }
        return rows;
    }

    /** One run; its time goes into {@code into} (null: warm-up, not recorded). Returns the error, or null. */
    private static String runOnce(Page page, String runner, String workload, List<Double> into) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) page.evaluate("([r, w]) => bench.run(r, w)",
                List.of(runner, workload));
        if (result.get("error") != null) {
            Benchmarks.progress("browser: %s failed %s: %s", runner, workload, result.get("error"));
            return String.valueOf(result.get("error"));
        }
        if (into != null) {
            into.add(((Number) result.get("ms")).doubleValue());
        }
        return null;
    }

    /**
     * The workload's rows. {@code startUp} (null for the start-up workload itself): every runner's start-up
     * times, to note WasiPlay's ratio net of start-up, i.e. of what the workload adds to a bare start.
     */
    private static List<Row> rows(Case c, Map<String, List<Double>> times, Map<String, String> failed, Samples node,
            Map<String, List<Double>> startUp) {
        String name = c.workload().name();
        Map<String, Samples> samples = new LinkedHashMap<>();
        times.forEach((runner, values) -> {
            if (!failed.containsKey(runner) && !values.isEmpty()) {
                samples.put(runner, Samples.of(toArray(values)));
            }
        });
        List<Row> rows = new ArrayList<>();
        Samples ours = samples.get(OURS);
        String fastestPeer = PEERS.stream().filter(samples::containsKey)
                .min((a, b) -> Double.compare(samples.get(a).median(), samples.get(b).median())).orElse(null);
        if (ours == null) {
            rows.add(Row.failed(PART, name, OURS, failed.get(OURS)));
        } else {
            Row row = Row.measured(PART, name, OURS, ours, "ms");
            if (fastestPeer != null) {
                Samples peer = samples.get(fastestPeer);
                row = row.ratios(Ratios.minRatio(ours, peer, fastestPeer), Ratios.medianRatio(ours, peer, fastestPeer))
                        .goal(c.goal() > 0 ? Ratios.goal(ours, peer, c.goal(), "fastest peer") : "none (engine-bound)");
                if (startUp != null && !startUp.get(OURS).isEmpty() && !startUp.get(fastestPeer).isEmpty()) {
                    double oursNet = ours.median() - Samples.of(toArray(startUp.get(OURS))).median();
                    double peerNet = peer.median() - Samples.of(toArray(startUp.get(fastestPeer))).median();
                    row = row.note(oursNet > 0 && peerNet > 0
                            ? "net of start-up medians: " + Ratios.of(oursNet, peerNet, false, fastestPeer)
                            : "net of start-up: within noise");
                }
            } else {
                row = row.goal("no peer finished");
            }
            rows.add(row);
        }
        for (String peer : Stream.concat(PEERS.stream(), Stream.of(JOINED)).toList()) {
            if (!samples.containsKey(peer)) {
                rows.add(Row.failed(PART, name, peer, oneLine(failed.get(peer))));
                continue;
            }
            Row row = Row.measured(PART, name, peer, samples.get(peer), "ms");
            if (peer.equals(JOINED)) {
                row = row.goal("not a peer as shipped");
            }
            rows.add(ours == null ? row : row.ratios(Ratios.minRatio(samples.get(peer), ours, OURS),
                    Ratios.medianRatio(samples.get(peer), ours, OURS)));
        }
        Row floor = Row.measured(PART, name, NodeWasi.RUNNER, node, "ms").goal("native floor");
        rows.add(ours == null ? floor : floor.ratios(Ratios.minRatio(node, ours, OURS), Ratios.medianRatio(node, ours, OURS)));
        return rows;
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").replace("|", "/");
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
