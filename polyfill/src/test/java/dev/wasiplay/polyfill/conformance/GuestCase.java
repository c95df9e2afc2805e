package dev.wasiplay.polyfill.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One conformance case: a folder {@code polyfill/src/test/guests/<name>/} holding the guest
 * ({@code main.c} or {@code main.wat}), {@code expected.json}, and optionally {@code disabled.txt} (why the
 * case does not run). expected.json:
 *
 * <pre>{@code
 * {
 *   "description": "what the case shows",
 *   "argv": ["main", "x"],            // default ["main"]
 *   "env": {"NAME": "value"},         // in order; default none
 *   "stdin": "text",                  // default empty
 *   "preopens": ["/", "/data"],       // default ["/"]
 *   "tree": { ... },                  // the input tree (see FileTree); default empty
 *   "expect": {
 *     "exitCode": 0,
 *     "stdout": ["line", ...] or "text",   // a list is lines, each ended by "\n"
 *     "stderr": ["line", ...] or "text",
 *     "tree": { ... }                 // the whole tree after the run
 *   }
 * }
 * }</pre>
 *
 * Every case runs on both engines and must give exactly these results on each.
 */
public final class GuestCase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_KEYS = Set.of("description", "argv", "env", "stdin", "preopens", "tree",
            "expect", "notes");
    private static final Set<String> EXPECT_KEYS = Set.of("exitCode", "stdout", "stderr", "tree");

    private final String name;
    private final Path directory;
    private final Path source;
    private final String disabledReason;
    private final List<String> argv;
    private final List<String[]> env;
    private final String stdin;
    private final List<String> preopens;
    private final FileTree tree;
    private final int exitCode;
    private final String stdout;
    private final String stderr;
    private final FileTree expectedTree;

    @SuppressWarnings("unchecked")
    private GuestCase(Path directory) throws IOException {
        this.directory = directory;
        this.name = directory.getFileName().toString();
        Path c = directory.resolve("main.c");
        Path wat = directory.resolve("main.wat");
        if (Files.exists(c) == Files.exists(wat)) {
            throw new IllegalArgumentException(name + ": needs exactly one of main.c and main.wat");
        }
        this.source = Files.exists(c) ? c : wat;
        Path disabled = directory.resolve("disabled.txt");
        this.disabledReason = Files.exists(disabled) ? Files.readString(disabled).trim() : null;
        Map<String, Object> spec = JSON.readValue(directory.resolve("expected.json").toFile(), LinkedHashMap.class);
        checkKeys(spec.keySet(), TOP_KEYS, "expected.json");
        this.argv = spec.containsKey("argv") ? (List<String>) spec.get("argv") : List.of("main");
        this.env = new ArrayList<>();
        if (spec.containsKey("env")) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) spec.get("env")).entrySet()) {
                env.add(new String[] {e.getKey(), (String) e.getValue()});
            }
        }
        this.stdin = spec.containsKey("stdin") ? (String) spec.get("stdin") : "";
        this.preopens = spec.containsKey("preopens") ? (List<String>) spec.get("preopens") : List.of("/");
        this.tree = FileTree.fromJson(spec.get("tree"));
        Map<String, Object> expect = (Map<String, Object>) spec.get("expect");
        if (expect == null) {
            throw new IllegalArgumentException(name + ": expected.json has no \"expect\"");
        }
        checkKeys(expect.keySet(), EXPECT_KEYS, "expect");
        if (!expect.keySet().containsAll(EXPECT_KEYS)) {
            throw new IllegalArgumentException(name + ": \"expect\" needs exitCode, stdout, stderr and tree");
        }
        this.exitCode = ((Number) expect.get("exitCode")).intValue();
        this.stdout = text(expect.get("stdout"));
        this.stderr = text(expect.get("stderr"));
        this.expectedTree = FileTree.fromJson(expect.get("tree"));
        tree.listing();
        expectedTree.listing();
    }

    private void checkKeys(Set<String> keys, Set<String> allowed, String where) {
        for (String key : keys) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(name + ": unknown key \"" + key + "\" in " + where);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static String text(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        StringBuilder out = new StringBuilder();
        for (String line : (List<String>) value) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** Every case folder under {@link #root()}, by name. */
    public static List<GuestCase> all() {
        try (Stream<Path> dirs = Files.list(root())) {
            List<GuestCase> cases = new ArrayList<>();
            for (Path dir : dirs.sorted().toList()) {
                if (Files.isDirectory(dir) && Files.exists(dir.resolve("expected.json"))) {
                    cases.add(new GuestCase(dir));
                }
            }
            return Collections.unmodifiableList(cases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The folder of all cases: the system property {@code wasiplay.guests}, else
     * {@code polyfill/src/test/guests} found from the working directory upwards (any module of the build).
     */
    public static Path root() {
        String configured = System.getProperty("wasiplay.guests");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("polyfill/src/test/guests");
            if (Files.isDirectory(candidate)) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("cannot find polyfill/src/test/guests above " + Path.of("").toAbsolutePath());
    }

    public String name() {
        return name;
    }

    public Path directory() {
        return directory;
    }

    public Path source() {
        return source;
    }

    public boolean isC() {
        return source.getFileName().toString().endsWith(".c");
    }

    /** Why the case is disabled, or null when it runs. */
    public String disabledReason() {
        return disabledReason;
    }

    public List<String> argv() {
        return argv;
    }

    /** Environment as {name, value} pairs, in order. */
    public List<String[]> env() {
        return env;
    }

    public String stdin() {
        return stdin;
    }

    public byte[] stdinBytes() {
        return stdin.getBytes(StandardCharsets.UTF_8);
    }

    public List<String> preopens() {
        return preopens;
    }

    /** The input tree as a TarImage. */
    public byte[] inputImage() {
        return tree.toImage();
    }

    public int expectedExitCode() {
        return exitCode;
    }

    public String expectedStdout() {
        return stdout;
    }

    public String expectedStderr() {
        return stderr;
    }

    public FileTree expectedTree() {
        return expectedTree;
    }

    /** The compiled module (built once per source, cached under polyfill/target). */
    public byte[] wasm() {
        return GuestBuilds.wasm(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
