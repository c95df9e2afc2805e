package dev.wasiplay.e2e.parity;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.wasiplay.e2e.Playground;
import dev.wasiplay.e2e.parity.NodeWasi.NodeResult;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The parity corpus on both of our engines: every case runs in the browser (the web-client worker in
 * Chromium, {@link BrowserRunner}) and on the server's engine (wasi-host on Chicory, {@link ChicoryRunner}),
 * and the two must agree exactly: exit (or trap), stdout and stderr bytes, and the tree under "/" (path and
 * sha256). A known difference must be listed in corpus.json as {@code enginesDiffer} with its reason, and must
 * then still be there. Where our engines agree, Node's WASI (the same runs as {@link ParityCorpusNodeTest}) must
 * agree too, unless the case says {@code node.differs}. Every case's three-way result goes to
 * {@code target/parity/summary.md} and {@code summary.json}.
 *
 * <p>Chicory runs two cases at a time on a pool while the browser runs them one after the other in one worker on
 * the test thread (Playwright's objects belong to the thread that made them).
 */
class ParityCorpusEnginesTest {
    /**
     * Whether the cases marked {@code "deterministic": true} run on our engines, in deterministic mode with the
     * default seed ({@link ChicoryRunner}'s RunSpec option and engine-runner.html's run-message field). Turning it
     * off would report them as {@value ParityVerdict#NOT_COMPARED_YET} (skipped, never passed).
     */
    static final boolean DETERMINISTIC_MODE_AVAILABLE = true;

    /**
     * Optional: a regular expression; only cases whose id it finds are run (e.g. {@code -Dwasiplay.parity.cases=^c/}
     * while working on the C cases). The summary then lists the others as not run. CI never sets it.
     */
    static final String CASES_PROPERTY = "wasiplay.parity.cases";

    /** Only a guard against hangs: a loaded machine slows Chicory several times over. */
    private static final Duration LIMIT = Duration.ofSeconds(300);
    private static final int CHICORY_PARALLEL_RUNS = 2;

    private static ParityCorpus corpus;
    private static final Map<String, ParityVerdict> VERDICTS = new LinkedHashMap<>();

    /** Runs everything up front and writes the summary, so it exists whatever the assertions say. */
    @BeforeAll
    static void runEveryCaseOnBothEngines() throws Exception {
        long started = System.nanoTime();
        long cpuStarted = jvmCpuNanos();
        SharedCorpus shared = SharedCorpus.get();
        corpus = shared.corpus;
        Map<String, Future<NodeResult>> node = shared.nodeRuns();
        List<ParityCase> comparable = corpus.cases().stream().filter(ParityCorpusEnginesTest::comparable)
                .filter(ParityCorpusEnginesTest::selected).toList();

        ChicoryRunner chicoryRunner = new ChicoryRunner(shared.compiledC, LIMIT);
        ExecutorService pool = Executors.newFixedThreadPool(CHICORY_PARALLEL_RUNS, runnable -> {
            Thread t = new Thread(runnable, "parity-chicory");
            t.setDaemon(true);
            return t;
        });
        Map<String, Future<EngineRun>> chicory = new LinkedHashMap<>();
        for (ParityCase c : comparable) {
            chicory.put(c.id(), pool.submit(() -> logged(chicoryRunner.run(c, c.deterministic()), c)));
        }
        pool.shutdown();

        Map<String, EngineRun> browser = new LinkedHashMap<>();
        try (BrowserRunner browserRunner = new BrowserRunner(Playground.shared(), shared.compiledC, LIMIT)) {
            for (ParityCase c : comparable) {
                browser.put(c.id(), logged(browserRunner.run(c, c.deterministic()), c));
            }
        }
        long browserDone = System.nanoTime();

        for (ParityCase c : corpus.cases()) {
            if (!comparable(c)) {
                VERDICTS.put(c.id(), ParityVerdict.notCompared(c));
                continue;
            }
            if (!selected(c)) {
                VERDICTS.put(c.id(), ParityVerdict.notSelected(c));
                continue;
            }
            EngineRun onChicory = resultOf(chicory.get(c.id()));
            Future<NodeResult> nodeRun = node.get(c.id());
            VERDICTS.put(c.id(), ParityVerdict.judge(c, onChicory, browser.get(c.id()),
                    nodeRun == null ? null : nodeResultOf(nodeRun)));
        }
        long done = System.nanoTime();
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("browserPhaseMs", (browserDone - started) / 1_000_000);
        timings.put("totalMs", (done - started) / 1_000_000);
        timings.put("testJvmCpuMs", (jvmCpuNanos() - cpuStarted) / 1_000_000);
        ParitySummary.write(SharedCorpus.out(), corpus, VERDICTS, chicory, browser, node, timings);
        System.out.println("parity corpus on both engines: " + timings + "; summary in "
                + SharedCorpus.out().resolve("summary.md").toAbsolutePath());
    }

    @TestFactory
    Stream<DynamicTest> ourEnginesAgreeAndNodeAgreesUnlessTheManifestSaysWhy() {
        return corpus.cases().stream().map(c -> dynamicTest(c.id(), () -> {
            ParityVerdict verdict = VERDICTS.get(c.id());
            assumeTrue(verdict.engines() != ParityVerdict.Engines.NOT_COMPARED,
                    c.id() + ": " + ParityVerdict.NOT_COMPARED_YET);
            assumeTrue(verdict.engines() != ParityVerdict.Engines.NOT_SELECTED,
                    c.id() + ": left out by -D" + CASES_PROPERTY);
            assertTrue(verdict.problems().isEmpty(), () -> String.join("\n", verdict.problems()));
        }));
    }

    private static boolean selected(ParityCase c) {
        String only = System.getProperty(CASES_PROPERTY, "");
        return only.isEmpty() || java.util.regex.Pattern.compile(only).matcher(c.id()).find();
    }

    private static EngineRun logged(EngineRun run, ParityCase c) {
        System.out.println("parity: " + run.engine() + " " + c.id() + ": " + run.ending() + " in " + run.durationMs() + " ms");
        return run;
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static boolean comparable(ParityCase c) {
        return !c.deterministic() || DETERMINISTIC_MODE_AVAILABLE;
    }

    private static EngineRun resultOf(Future<EngineRun> run) throws InterruptedException {
        try {
            return run.get();
        } catch (ExecutionException e) {
            return EngineRun.failed(ChicoryRunner.ENGINE, "the runner failed: " + e.getCause(), 0);
        }
    }

    private static NodeResult nodeResultOf(Future<NodeResult> run) throws InterruptedException, IOException {
        try {
            return run.get();
        } catch (ExecutionException e) {
            return NodeResult.failed(0, "the runner failed: " + e.getCause());
        }
    }
}
