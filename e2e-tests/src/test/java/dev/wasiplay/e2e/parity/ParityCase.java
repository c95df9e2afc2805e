package dev.wasiplay.e2e.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One program of the parity corpus with everything an engine needs to run it and what to expect.
 *
 * @param id            {@code python/001-print-basics}: the source path under the corpus without extension
 * @param kind          Python program or C guest
 * @param source        the {@code .py} or {@code .c} file
 * @param args          arguments after the program (from {@code NNN-topic.args}, one per line), none if absent
 * @param stdin         the guest's whole standard input (from {@code NNN-topic.stdin}), empty if absent
 * @param exit          how the run must end, in every engine
 * @param deterministic the output is reproducible only in deterministic mode (fixed clock, seeded
 *                      random_get, fixed inodes and timestamps); run it there when comparing engines
 * @param enginesDiffer why our two engines (browser and Chicory) are known to disagree on this case, if they do
 * @param node          whether the case runs under Node's built-in WASI and whether Node is known to differ
 */
public record ParityCase(String id, Kind kind, Path source, List<String> args, byte[] stdin, ExpectedExit exit,
        boolean deterministic, Optional<String> enginesDiffer, NodeExpectation node) {

    /** The guest path the Python program is copied to; Python runs {@code python /main.py ARGS...}. */
    public static final String PYTHON_MAIN = "/main.py";

    public ParityCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        args = List.copyOf(args);
        stdin = stdin.clone();
        Objects.requireNonNull(exit, "exit");
        Objects.requireNonNull(enginesDiffer, "enginesDiffer");
        Objects.requireNonNull(node, "node");
    }

    /** Which module runs the case. */
    public enum Kind {
        /** Runs on the bundled python.wasm as {@code python /main.py ARGS...}. */
        PYTHON("python", ".py"),
        /** Compiled with {@code clang --target=wasm32-wasi --sysroot=/usr -O2}, run as {@code NAME ARGS...}. */
        C("c", ".c");

        public final String directory;
        public final String extension;

        Kind(String directory, String extension) {
            this.directory = directory;
            this.extension = extension;
        }
    }

    /** {@code 001-print-basics}: the file name without extension. */
    public String name() {
        return id.substring(id.indexOf('/') + 1);
    }

    @Override
    public byte[] stdin() {
        return stdin.clone();
    }

    /** argv as the guest sees it, argv[0] included. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        if (kind == Kind.PYTHON) {
            argv.add("python");
            argv.add(PYTHON_MAIN);
        } else {
            argv.add(name());
        }
        argv.addAll(args);
        return argv;
    }

    /**
     * Files to place in the guest's file system (preopened as "/") before the run, by guest path: the program
     * as {@code /main.py} for Python, nothing for C (the module itself is not in the guest's file system).
     */
    public Map<String, byte[]> guestFiles() {
        return kind == Kind.PYTHON ? Map.of(PYTHON_MAIN, sourceBytes()) : Map.of();
    }

    public byte[] sourceBytes() {
        try {
            return Files.readAllBytes(source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** The first line of the source's leading docstring or comment: what the case exercises. */
    public String summary() {
        String text = new String(sourceBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        for (String opener : new String[] {"\"\"\"", "/*"}) {
            if (text.startsWith(opener)) {
                String line = text.substring(opener.length()).lines().findFirst().orElse("").strip();
                return line.replace("\"\"\"", "").replace("*/", "").strip();
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return id;
    }

    /** How a run must end: an exit status given by the guest, or a trap (no status from the guest). */
    public record ExpectedExit(boolean trap, int code) {
        public static ExpectedExit status(int code) {
            if (code < 0) {
                throw new IllegalArgumentException("exit status must not be negative: " + code);
            }
            return new ExpectedExit(false, code);
        }

        public static ExpectedExit trapped() {
            return new ExpectedExit(true, -1);
        }

        /** True when a run that ended with {@code exitCode} (null when it trapped) is what is expected. */
        public boolean matches(Integer exitCode) {
            return trap ? exitCode == null : exitCode != null && exitCode == code;
        }

        @Override
        public String toString() {
            return trap ? "trap" : "exit " + code;
        }
    }

    /** What to expect from Node's built-in WASI, the third opinion. */
    public record NodeExpectation(Verdict verdict, Optional<String> reason) {
        public NodeExpectation {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(reason, "reason");
            if ((verdict == Verdict.SAME) != reason.isEmpty()) {
                throw new IllegalArgumentException(verdict + (reason.isEmpty() ? " needs a reason" : " takes no reason"));
            }
        }

        public static final NodeExpectation SAME_AS_OURS = new NodeExpectation(Verdict.SAME, Optional.empty());

        public boolean applies() {
            return verdict != Verdict.NOT_APPLICABLE;
        }

        public enum Verdict {
            /** Node must agree with our engines. */
            SAME,
            /** Node runs it, but is known to disagree with our engines, for the reason given. */
            DIFFERS,
            /** Node cannot run it (for example it hangs), for the reason given. */
            NOT_APPLICABLE
        }
    }
}
