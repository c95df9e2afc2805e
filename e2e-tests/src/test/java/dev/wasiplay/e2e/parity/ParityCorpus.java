package dev.wasiplay.e2e.parity;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasiplay.e2e.parity.ParityCase.ExpectedExit;
import dev.wasiplay.e2e.parity.ParityCase.Kind;
import dev.wasiplay.e2e.parity.ParityCase.NodeExpectation;
import dev.wasiplay.e2e.parity.ParityCase.NodeExpectation.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The parity corpus: the programs under {@code python/} and {@code c/} of one directory, with the manifest
 * {@code corpus.json} that says how each must end and how engines are expected to agree. The format is in
 * that directory's README.md.
 *
 * <p>{@link #load} checks the directory and the manifest against each other and reports every problem it
 * finds in one {@link InvalidCorpusException}: a program without an entry, an entry without a program, an
 * input file without a program, an unknown field, a difference without a reason.
 */
public final class ParityCorpus {
    public static final String MANIFEST = "corpus.json";
    /** System property naming the corpus directory; Maven sets it to {@code src/test/parity} of e2e-tests. */
    public static final String DIRECTORY_PROPERTY = "wasiplay.parity.dir";

    private static final Pattern CASE_PATH = Pattern.compile("(python|c)/([0-9]{3})-[a-z0-9]+(?:-[a-z0-9]+)*\\.(py|c)");
    private static final Set<String> CASE_FIELDS = Set.of("case", "exit", "deterministic", "enginesDiffer", "node");
    private static final Set<String> TOP_FIELDS = Set.of("about", "cases");

    private final Path directory;
    private final List<ParityCase> cases;

    private ParityCorpus(Path directory, List<ParityCase> cases) {
        this.directory = directory;
        this.cases = List.copyOf(cases);
    }

    /** The corpus of this project: {@value #DIRECTORY_PROPERTY} if set, else {@code src/test/parity}. */
    public static ParityCorpus load() {
        return load(Paths.get(System.getProperty(DIRECTORY_PROPERTY, "src/test/parity")));
    }

    /**
     * Loads and checks the corpus in {@code directory}.
     *
     * @throws InvalidCorpusException listing every problem found
     */
    public static ParityCorpus load(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new InvalidCorpusException(dir, List.of("no " + MANIFEST + " in " + dir));
        }
        List<String> problems = new ArrayList<>();
        JsonNode root;
        try {
            ObjectMapper mapper = new ObjectMapper();
            mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            root = mapper.readTree(Files.readString(manifest, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new InvalidCorpusException(dir, List.of(MANIFEST + " is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
        if (root == null || !root.isObject() || !root.path("cases").isArray()) {
            throw new InvalidCorpusException(dir, List.of(MANIFEST + " must be an object with a \"cases\" array"));
        }
        unknownFields(root, TOP_FIELDS, MANIFEST, problems);

        List<ParityCase> cases = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        Map<String, String> numbers = new HashMap<>();
        int index = 0;
        for (JsonNode entry : root.get("cases")) {
            String where = "cases[" + index++ + "]";
            String file = entry.path("case").isTextual() ? entry.get("case").asText() : null;
            if (file != null && !listed.add(file)) {
                problems.add(where + ": " + file + " is listed twice");
                continue;
            }
            ParityCase parsed = parseEntry(dir, entry, where, problems);
            if (parsed == null) {
                continue;
            }
            String number = parsed.kind().directory + "/" + parsed.name().substring(0, 3);
            String previous = numbers.putIfAbsent(number, parsed.id());
            if (previous != null) {
                problems.add(where + ": " + parsed.id() + " reuses the number of " + previous);
            }
            cases.add(parsed);
        }
        checkDirectories(dir, listed, problems);
        if (!problems.isEmpty()) {
            throw new InvalidCorpusException(dir, problems);
        }
        cases.sort(Comparator.comparing((ParityCase c) -> c.kind()).thenComparing(ParityCase::name));
        return new ParityCorpus(dir, cases);
    }

    public Path directory() {
        return directory;
    }

    /** Every case, Python first, each kind in file-name order. */
    public List<ParityCase> cases() {
        return cases;
    }

    public List<ParityCase> cases(Kind kind) {
        return cases.stream().filter(c -> c.kind() == kind).toList();
    }

    public Optional<ParityCase> find(String id) {
        return cases.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private static ParityCase parseEntry(Path dir, JsonNode entry, String where, List<String> problems) {
        if (!entry.isObject()) {
            problems.add(where + ": must be an object");
            return null;
        }
        JsonNode caseField = entry.get("case");
        if (caseField == null || !caseField.isTextual()) {
            problems.add(where + ": \"case\" (the program's path, e.g. python/001-hello.py) is missing or not a string");
            return null;
        }
        String path = caseField.asText();
        String label = where + " (" + path + ")";
        Matcher m = CASE_PATH.matcher(path);
        if (!m.matches() || !(m.group(1).equals("python") ? "py" : "c").equals(m.group(3))) {
            problems.add(label + ": \"case\" must look like python/NNN-topic.py or c/NNN-topic.c "
                    + "(three digits, lower-case words joined by '-')");
            return null;
        }
        int before = problems.size();
        unknownFields(entry, CASE_FIELDS, label, problems);
        Kind kind = m.group(1).equals("python") ? Kind.PYTHON : Kind.C;
        Path source = dir.resolve(path);
        if (!Files.isRegularFile(source)) {
            problems.add(label + ": no such file " + source);
        }
        ExpectedExit exit = parseExit(entry.get("exit"), label, problems);
        boolean deterministic = false;
        JsonNode det = entry.get("deterministic");
        if (det != null) {
            if (det.isBoolean()) {
                deterministic = det.asBoolean();
            } else {
                problems.add(label + ": \"deterministic\" must be true or false");
            }
        }
        Optional<String> enginesDiffer = Optional.empty();
        if (entry.has("enginesDiffer")) {
            enginesDiffer = reason(entry.get("enginesDiffer"), label + ": \"enginesDiffer\"", problems);
        }
        NodeExpectation node = parseNode(entry.get("node"), label, problems);
        if (node != null && deterministic && node.verdict() == Verdict.SAME) {
            problems.add(label + ": needs deterministic mode, which Node's WASI does not have: give \"node\" "
                    + "{\"differs\": why} or {\"skip\": why}");
        }
        if (problems.size() > before || !Files.isRegularFile(source)) {
            return null;
        }
        String base = path.substring(0, path.lastIndexOf('.'));
        Path argsFile = dir.resolve(base + ".args");
        Path stdinFile = dir.resolve(base + ".stdin");
        try {
            List<String> args = Files.exists(argsFile) ? parseArgs(Files.readString(argsFile, StandardCharsets.UTF_8)) : List.of();
            byte[] stdin = Files.exists(stdinFile) ? Files.readAllBytes(stdinFile) : new byte[0];
            return new ParityCase(base, kind, source, args, stdin, exit, deterministic, enginesDiffer, node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the inputs of " + path, e);
        }
    }

    /** One argument per line; a final newline ends the last argument, it does not add an empty one. */
    static List<String> parseArgs(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(body.split("\n", -1));
    }

    private static ExpectedExit parseExit(JsonNode exit, String label, List<String> problems) {
        if (exit == null) {
            return ExpectedExit.status(0);
        }
        if (exit.isTextual() && exit.asText().equals("trap")) {
            return ExpectedExit.trapped();
        }
        if (exit.isIntegralNumber() && exit.canConvertToLong() && exit.asLong() >= 0 && exit.asLong() <= Integer.MAX_VALUE) {
            return ExpectedExit.status(exit.asInt());
        }
        problems.add(label + ": \"exit\" must be a non-negative integer or \"trap\", not " + exit);
        return ExpectedExit.status(0);
    }

    private static NodeExpectation parseNode(JsonNode node, String label, List<String> problems) {
        if (node == null) {
            return NodeExpectation.SAME_AS_OURS;
        }
        if (!node.isObject() || node.size() != 1 || !(node.has("skip") || node.has("differs"))) {
            problems.add(label + ": \"node\" must be {\"skip\": why} (Node cannot run it) or {\"differs\": why} "
                    + "(Node runs it but disagrees with our engines)");
            return null;
        }
        boolean skip = node.has("skip");
        Optional<String> why = reason(node.get(skip ? "skip" : "differs"), label + ": \"node\"", problems);
        return why.map(r -> new NodeExpectation(skip ? Verdict.NOT_APPLICABLE : Verdict.DIFFERS, Optional.of(r))).orElse(null);
    }

    private static Optional<String> reason(JsonNode value, String label, List<String> problems) {
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(label + " needs a reason: a non-empty string saying why");
            return Optional.empty();
        }
        return Optional.of(value.asText().strip());
    }

    private static void unknownFields(JsonNode object, Set<String> allowed, String label, List<String> problems) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                problems.add(label + ": unknown field \"" + field + "\" (known: " + new TreeSet<>(allowed) + ")");
            }
        }
    }

    /** Every program must be listed; every input file must belong to a listed program; nothing else may sit there. */
    private static void checkDirectories(Path dir, Set<String> listed, List<String> problems) {
        for (Kind kind : Kind.values()) {
            Path sub = dir.resolve(kind.directory);
            if (!Files.isDirectory(sub)) {
                problems.add("missing directory " + sub);
                continue;
            }
            try (Stream<Path> files = Files.list(sub)) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    String rel = kind.directory + "/" + name;
                    int dot = name.lastIndexOf('.');
                    String ext = dot < 0 ? "" : name.substring(dot);
                    String program = kind.directory + "/" + (dot < 0 ? name : name.substring(0, dot)) + kind.extension;
                    if (ext.equals(kind.extension)) {
                        if (!listed.contains(rel)) {
                            problems.add(rel + " has no entry in " + MANIFEST);
                        }
                    } else if (ext.equals(".stdin") || ext.equals(".args")) {
                        if (!listed.contains(program)) {
                            problems.add(rel + " belongs to no listed program (expected " + program + ")");
                        }
                    } else {
                        problems.add(rel + ": unexpected file (programs are *" + kind.extension + ", inputs *.stdin and *.args)");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + sub, e);
            }
        }
    }

    /** The corpus directory and its manifest disagree, or the manifest is malformed. */
    public static final class InvalidCorpusException extends RuntimeException {
        private final List<String> problems;

        InvalidCorpusException(Path directory, List<String> problems) {
            super("parity corpus " + directory + " has " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
