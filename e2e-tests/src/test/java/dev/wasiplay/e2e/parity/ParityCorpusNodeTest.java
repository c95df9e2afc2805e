package dev.wasiplay.e2e.parity;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wasiplay.e2e.parity.NodeWasi.NodeResult;
import dev.wasiplay.e2e.parity.ParityCase.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The third opinion: every case of the parity corpus that applies to Node runs under Node's built-in WASI
 * (node-runner.mjs), two at a time, and must complete and end as the manifest says. Each result is kept in
 * {@code target/parity/node/<kind>/<name>.json} and summarised in {@code target/parity/node/summary.tsv}, for
 * comparison with our engines.
 */
class ParityCorpusNodeTest {
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final int PARALLEL_RUNS = 2;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static ParityCorpus corpus;
    private static ExecutorService pool;
    private static final Map<String, Future<NodeResult>> RUNS = new LinkedHashMap<>();

    @BeforeAll
    static void startEveryRun() {
        corpus = ParityCorpus.load();
        NodeWasi node = NodeWasi.forCorpus(corpus);
        Path modules = out().resolve("modules");
        Path python = GuestBinaries.python(modules);
        Map<String, Path> compiled = GuestBinaries.compileC(corpus.cases(Kind.C), modules);
        pool = Executors.newFixedThreadPool(PARALLEL_RUNS);
        for (ParityCase c : corpus.cases()) {
            if (c.node().applies()) {
                Path module = c.kind() == Kind.PYTHON ? python : compiled.get(c.id());
                RUNS.put(c.id(), pool.submit(() -> record(c, node.run(c, module, out().resolve("node-work"), LIMIT))));
            }
        }
    }

    @AfterAll
    static void writeSummary() throws IOException {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (corpus == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("case\tnode\texpected\tnode result\tms");
        for (ParityCase c : corpus.cases()) {
            Future<NodeResult> run = RUNS.get(c.id());
            NodeResult r = run != null && run.isDone() && !run.isCancelled() ? resultOf(run) : null;
            lines.add(c.id() + "\t" + c.node().verdict() + "\t" + c.exit() + "\t"
                    + (run == null ? "not run: " + c.node().reason().orElse("") : r == null ? "unfinished" : r.ending())
                    + "\t" + (r == null ? "" : r.durationMs()));
        }
        Files.createDirectories(out().resolve("node"));
        Files.write(out().resolve("node/summary.tsv"), lines, StandardCharsets.UTF_8);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseNodeCanRunCompletesAndEndsAsTheManifestSays() {
        return corpus.cases().stream().filter(c -> c.node().applies()).map(c -> dynamicTest(c.id(), () -> {
            NodeResult r = RUNS.get(c.id()).get();
            assertTrue(r.completed(), () -> c.id() + " did not complete under Node: " + r.failure()
                    + "\nIf Node's WASI cannot run this case, give it \"node\": {\"skip\": why} in corpus.json.");
            assertTrue(c.exit().matches(r.exitCode()), () -> c.id() + " should end with " + c.exit() + " but under Node it "
                    + "ended with " + r.ending() + "\n--- stderr (last 2000 chars):\n" + tail(r.stderr(), 2000));
        }));
    }

    private static NodeResult record(ParityCase c, NodeResult r) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("case", c.id());
        doc.put("summary", c.summary());
        doc.put("argv", c.argv());
        doc.put("expectedExit", c.exit().toString());
        doc.put("deterministic", c.deterministic());
        doc.put("node", c.node().verdict().toString());
        c.node().reason().ifPresent(reason -> doc.put("nodeReason", reason));
        doc.put("result", r);
        Path file = out().resolve("node").resolve(c.id() + ".json");
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), doc);
        return r;
    }

    private static NodeResult resultOf(Future<NodeResult> run) {
        try {
            return run.get();
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String tail(String text, int max) {
        return text.length() <= max ? text : "..." + text.substring(text.length() - max);
    }

    private static Path out() {
        return Paths.get(System.getProperty("wasiplay.parity.out", "target/parity"));
    }
}
