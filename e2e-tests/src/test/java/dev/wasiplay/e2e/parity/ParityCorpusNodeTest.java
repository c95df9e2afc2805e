package dev.wasiplay.e2e.parity;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.wasiplay.e2e.parity.NodeWasi.NodeResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The third opinion: every case of the parity corpus that applies to Node runs under Node's built-in WASI
 * (node-runner.mjs), two at a time, and must complete and end as the manifest says. Each result is kept in
 * {@code target/parity/node/<kind>/<name>.json} and summarised in {@code target/parity/node/summary.tsv}. The runs
 * are {@link SharedCorpus}'s: {@link ParityCorpusEnginesTest} compares the same results with our engines'.
 */
class ParityCorpusNodeTest {
    private static ParityCorpus corpus;
    private static Map<String, Future<NodeResult>> runs;

    @BeforeAll
    static void startEveryRun() {
        SharedCorpus shared = SharedCorpus.get();
        corpus = shared.corpus;
        runs = shared.nodeRuns();
    }

    @AfterAll
    static void writeSummary() throws IOException {
        if (corpus == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("case\tnode\texpected\tnode result\tms");
        for (ParityCase c : corpus.cases()) {
            Future<NodeResult> run = runs.get(c.id());
            NodeResult r = run != null && run.isDone() && !run.isCancelled() ? resultOf(run) : null;
            lines.add(c.id() + "\t" + c.node().verdict() + "\t" + c.exit() + "\t"
                    + (run == null ? "not run: " + c.node().reason().orElse("") : r == null ? "unfinished" : r.ending())
                    + "\t" + (r == null ? "" : r.durationMs()));
        }
        Files.createDirectories(SharedCorpus.out().resolve("node"));
        Files.write(SharedCorpus.out().resolve("node/summary.tsv"), lines, StandardCharsets.UTF_8);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseNodeCanRunCompletesAndEndsAsTheManifestSays() {
        return corpus.cases().stream().filter(c -> c.node().applies()).map(c -> dynamicTest(c.id(), () -> {
            NodeResult r = runs.get(c.id()).get();
            assertTrue(r.completed(), () -> c.id() + " did not complete under Node: " + r.failure()
                    + "\nIf Node's WASI cannot run this case, give it \"node\": {\"skip\": why} in corpus.json.");
            assertTrue(c.exit().matches(r.exitCode()), () -> c.id() + " should end with " + c.exit() + " but under Node it "
                    + "ended with " + r.ending() + "\n--- stderr (last 2000 chars):\n" + tail(r.stderr(), 2000));
        }));
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
}
