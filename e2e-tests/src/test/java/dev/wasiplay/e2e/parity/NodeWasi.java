package dev.wasiplay.e2e.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs parity cases under Node's built-in WASI (node:wasi, preview1) through {@code node-runner.mjs} of the
 * corpus directory: the third opinion. Each run gets a fresh directory preopened as "/" holding the case's
 * guest files, the case's argv and stdin, an empty environment, and a time limit.
 */
public final class NodeWasi {
    /** System property naming the node executable; {@code node} on the PATH otherwise. */
    public static final String NODE_PROPERTY = "wasiplay.node";
    public static final String RUNNER = "node-runner.mjs";
    private static final int MINIMUM_MAJOR_VERSION = 20;

    private final String node;
    private final Path runner;
    private final ObjectMapper json = new ObjectMapper();

    private NodeWasi(String node, Path runner) {
        this.node = node;
        this.runner = runner;
    }

    /** Checks that Node (20 or newer) runs and that the corpus has its runner script. */
    public static NodeWasi forCorpus(ParityCorpus corpus) {
        String node = System.getProperty(NODE_PROPERTY, "node");
        Path runner = corpus.directory().resolve(RUNNER);
        if (!Files.isRegularFile(runner)) {
            throw new IllegalStateException("missing " + runner);
        }
        String version;
        try {
            Process p = new ProcessBuilder(node, "--version").redirectErrorStream(true).start();
            version = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("'" + node + " --version' failed: " + version);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Node is not installed or not on the PATH ('" + node + "'): the parity "
                    + "corpus's third opinion needs Node " + MINIMUM_MAJOR_VERSION + " or newer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        int major = Integer.parseInt(version.replaceFirst("^v(\\d+).*", "$1"));
        if (major < MINIMUM_MAJOR_VERSION) {
            throw new IllegalStateException("Node " + version + " is too old: node:wasi preview1 needs " + MINIMUM_MAJOR_VERSION + "+");
        }
        return new NodeWasi(node, runner);
    }

    /**
     * Runs {@code module} with the case's argv, stdin and guest files, in a scratch directory under
     * {@code work} that is removed afterwards. Never throws for what the guest does; a run that exceeds
     * {@code limit} is killed and reported as timed out.
     */
    public NodeResult run(ParityCase c, Path module, Path work, Duration limit) {
        Objects.requireNonNull(c, "case");
        long started = System.nanoTime();
        Path scratch = null;
        try {
            Files.createDirectories(work);
            scratch = Files.createTempDirectory(work, c.name() + "-");
            Path root = Files.createDirectory(scratch.resolve("root"));
            for (Map.Entry<String, byte[]> file : c.guestFiles().entrySet()) {
                Path target = root.resolve(file.getKey().substring(1));
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            Path stdin = Files.write(scratch.resolve("stdin"), c.stdin());
            Path out = scratch.resolve("runner.json");
            Path err = scratch.resolve("runner.err");
            // --liftoff-only: V8's baseline compiler alone. Most cases run for well under a second, so
            // optimising python.wasm's 13 MB in the background costs more CPU than it saves (about 30 %).
            List<String> command = new ArrayList<>(List.of(node, "--no-warnings", "--liftoff-only", runner.toString(),
                    "--module", module.toAbsolutePath().toString(), "--root", root.toString(), "--stdin", stdin.toString(), "--"));
            command.addAll(c.argv());
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return NodeResult.failed(millis, "timed out after " + limit.toSeconds() + " s");
            }
            String runnerErr = Files.readString(err, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                return NodeResult.failed(millis, "node-runner exited with " + process.exitValue()
                        + (process.exitValue() > 128 ? " (killed by signal " + (process.exitValue() - 128) + ")" : "")
                        + (runnerErr.isEmpty() ? "" : ": " + runnerErr));
            }
            return parse(Files.readString(out, StandardCharsets.UTF_8), millis);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + c.id() + " under Node", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NodeResult.failed((System.nanoTime() - started) / 1_000_000, "interrupted");
        } finally {
            deleteTree(scratch);
        }
    }

    private NodeResult parse(String text, long millis) throws IOException {
        JsonNode r = json.readTree(text);
        if (r == null || !r.isObject()) {
            return NodeResult.failed(millis, "node-runner printed no JSON object");
        }
        Map<String, String> files = new LinkedHashMap<>();
        r.path("files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
        return new NodeResult(null, r.path("exitCode").isNull() ? null : r.path("exitCode").asInt(),
                r.path("trap").isNull() ? null : r.path("trap").asText(), r.path("stdout").asText(), r.path("stderr").asText(),
                r.path("stdoutSha256").asText(), r.path("stderrSha256").asText(), files, millis);
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }

    /**
     * What Node's WASI made of a case.
     *
     * @param failure      why there is no result (timed out, runner crashed), or null
     * @param exitCode     the guest's exit status, null when it trapped (or on failure)
     * @param trap         the trap's message when the guest trapped
     * @param stdout       fd 1, decoded as UTF-8 (malformed bytes replaced); {@code stdoutSha256} is over the bytes
     * @param files        every entry under "/" after the run: file to sha256, "dir" for directories (key ends
     *                     in "/"), "symlink:" + target for symlinks
     * @param durationMs   wall time of the node process
     */
    public record NodeResult(String failure, Integer exitCode, String trap, String stdout, String stderr, String stdoutSha256,
            String stderrSha256, Map<String, String> files, long durationMs) {
        static NodeResult failed(long durationMs, String why) {
            return new NodeResult(why, null, null, "", "", "", "", Map.of(), durationMs);
        }

        public boolean completed() {
            return failure == null;
        }

        /** "exit 3", "trap: RuntimeError: unreachable" or the failure. */
        public String ending() {
            return failure != null ? "no result: " + failure : exitCode != null ? "exit " + exitCode : "trap: " + trap;
        }
    }
}
