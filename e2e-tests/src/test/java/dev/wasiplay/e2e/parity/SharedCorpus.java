package dev.wasiplay.e2e.parity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wasiplay.e2e.parity.NodeWasi.NodeResult;
import dev.wasiplay.e2e.parity.ParityCase.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the corpus tests of one JVM share, made once: the loaded corpus, its modules (python.wasm written out,
 * every C case compiled once), and the Node runs, started on first use and read by both
 * {@link ParityCorpusNodeTest} and {@link ParityCorpusEnginesTest} (so Node runs each case once per build).
 */
final class SharedCorpus {
    static final Duration NODE_LIMIT = Duration.ofSeconds(120);
    private static final int NODE_PARALLEL_RUNS = 2;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static SharedCorpus shared;

    final ParityCorpus corpus;
    final Path python;
    final Map<String, Path> compiledC;
    private Map<String, Future<NodeResult>> nodeRuns;

    private SharedCorpus() {
        corpus = ParityCorpus.load();
        Path modules = out().resolve("modules");
        python = GuestBinaries.python(modules);
        compiledC = GuestBinaries.compileC(corpus.cases(Kind.C), modules);
    }

    static synchronized SharedCorpus get() {
        if (shared == null) {
            shared = new SharedCorpus();
        }
        return shared;
    }

    /** Every case Node can run, started (two at a time) on the first call; by case id. */
    synchronized Map<String, Future<NodeResult>> nodeRuns() {
        if (nodeRuns == null) {
            NodeWasi node = NodeWasi.forCorpus(corpus);
            ExecutorService pool = Executors.newFixedThreadPool(NODE_PARALLEL_RUNS, runnable -> {
                Thread t = new Thread(runnable, "parity-node");
                t.setDaemon(true);
                return t;
            });
            Map<String, Future<NodeResult>> runs = new LinkedHashMap<>();
            for (ParityCase c : corpus.cases()) {
                if (c.node().applies()) {
                    Path module = c.kind() == Kind.PYTHON ? python : compiledC.get(c.id());
                    runs.put(c.id(), pool.submit(() -> record(c, node.run(c, module, out().resolve("node-work"), NODE_LIMIT))));
                }
            }
            pool.shutdown();
            nodeRuns = Collections.unmodifiableMap(runs);
        }
        return nodeRuns;
    }

    /** Keeps Node's result in {@code target/parity/node/<kind>/<name>.json}. */
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

    /** Where the corpus tests write: {@code target/parity} of e2e-tests. */
    static Path out() {
        return Paths.get(System.getProperty("wasiplay.parity.out", "target/parity"));
    }
}
