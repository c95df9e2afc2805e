package dev.wasiplay.e2e.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasiplay.e2e.parity.ParityCase.Kind;
import dev.wasiplay.e2e.parity.ParityCase.NodeExpectation.Verdict;
import dev.wasiplay.e2e.parity.ParityCorpus.InvalidCorpusException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus loader: the real corpus is complete and well formed, and bad manifests are refused clearly. */
class ParityCorpusTest {
    @TempDir
    Path dir;

    @Test
    void theProjectCorpusLoadsAndIsBigEnough() {
        ParityCorpus corpus = ParityCorpus.load();
        assertTrue(corpus.cases().size() >= 100, "at least 100 cases, got " + corpus.cases().size());
        assertTrue(corpus.cases(Kind.PYTHON).size() >= 90, "at least 90 Python programs");
        assertTrue(corpus.cases(Kind.C).size() >= 10, "at least 10 C guests");
        assertTrue(Files.isRegularFile(corpus.directory().resolve(NodeWasi.RUNNER)));
        assertTrue(Files.isRegularFile(corpus.directory().resolve("README.md")));
        for (ParityCase c : corpus.cases()) {
            assertFalse(c.summary().isEmpty(), c.id() + " starts with a docstring or comment saying what it exercises");
        }
    }

    @Test
    void theProjectCorpusCoversEndingsInputsAndModes() {
        ParityCorpus corpus = ParityCorpus.load();
        List<ParityCase> cases = corpus.cases();
        assertTrue(cases.stream().anyMatch(c -> c.exit().trap()), "a case that traps");
        assertTrue(cases.stream().filter(c -> !c.exit().trap() && c.exit().code() != 0).count() >= 8, "cases with non-zero exits");
        assertTrue(cases.stream().filter(c -> c.stdin().length > 0).count() >= 5, "cases reading stdin");
        assertTrue(cases.stream().filter(c -> !c.args().isEmpty()).count() >= 3, "cases with arguments");
        assertTrue(cases.stream().filter(ParityCase::deterministic).count() >= 8, "cases needing deterministic mode");
        assertTrue(cases.stream().anyMatch(c -> !c.node().applies()), "cases Node cannot run");
        for (ParityCase c : cases) {
            if (c.deterministic()) {
                assertTrue(c.node().verdict() != Verdict.SAME, c.id() + " needs deterministic mode, so Node cannot agree");
            }
        }
    }

    @Test
    void aCaseCarriesItsInputsArgvAndGuestFiles() throws IOException {
        writeProgram("python/001-hello.py", "\"\"\"Says hello.\"\"\"\nprint('hi')\n");
        Files.writeString(dir.resolve("python/001-hello.args"), "one\n\ntwo words\nünï\n", StandardCharsets.UTF_8);
        Files.write(dir.resolve("python/001-hello.stdin"), new byte[] {1, 2, (byte) 0xff});
        writeProgram("c/001-guest.c", "/* A guest. */\nint main(void) { return 3; }\n");
        writeProgram("python/002-trap.py", "import sys\n");
        writeManifest("{\"case\": \"python/001-hello.py\"},"
                + "{\"case\": \"python/002-trap.py\", \"exit\": \"trap\", \"deterministic\": true, \"enginesDiffer\": \"why\","
                + " \"node\": {\"skip\": \"hangs\"}},"
                + "{\"case\": \"c/001-guest.c\", \"exit\": 3, \"node\": {\"differs\": \"because\"}}");

        ParityCorpus corpus = ParityCorpus.load(dir);
        assertEquals(List.of("python/001-hello", "python/002-trap", "c/001-guest"),
                corpus.cases().stream().map(ParityCase::id).collect(Collectors.toList()));
        ParityCase hello = corpus.find("python/001-hello").orElseThrow();
        assertEquals(List.of("one", "", "two words", "ünï"), hello.args());
        assertEquals(List.of("python", "/main.py", "one", "", "two words", "ünï"), hello.argv());
        assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, hello.stdin());
        assertArrayEquals(hello.sourceBytes(), hello.guestFiles().get(ParityCase.PYTHON_MAIN));
        assertEquals("Says hello.", hello.summary());
        assertTrue(hello.exit().matches(0));
        assertFalse(hello.exit().matches(null));
        assertEquals(Verdict.SAME, hello.node().verdict());

        ParityCase trap = corpus.find("python/002-trap").orElseThrow();
        assertTrue(trap.exit().trap() && trap.exit().matches(null) && !trap.exit().matches(134));
        assertTrue(trap.deterministic());
        assertEquals("why", trap.enginesDiffer().orElseThrow());
        assertFalse(trap.node().applies());
        assertEquals("hangs", trap.node().reason().orElseThrow());

        ParityCase guest = corpus.find("c/001-guest").orElseThrow();
        assertEquals(List.of("001-guest"), guest.argv());
        assertTrue(guest.guestFiles().isEmpty());
        assertEquals(0, guest.stdin().length);
        assertTrue(guest.exit().matches(3));
        assertEquals(Verdict.DIFFERS, guest.node().verdict());
        assertEquals("A guest.", guest.summary());
    }

    @Test
    void argsFilesSplitOnNewlinesOnly() {
        assertEquals(List.of(), ParityCorpus.parseArgs(""));
        assertEquals(List.of(""), ParityCorpus.parseArgs("\n"));
        assertEquals(List.of("a b", "c\r"), ParityCorpus.parseArgs("a b\nc\r\n"));
        assertEquals(List.of("x", "", "y"), ParityCorpus.parseArgs("x\n\ny"));
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        writeProgram("python/001-listed.py", "print(1)\n");
        writeProgram("python/002-not-listed.py", "print(2)\n");
        Files.writeString(dir.resolve("python/003-orphan.stdin"), "x");
        Files.writeString(dir.resolve("python/notes.txt"), "x");
        writeProgram("c/001-a.c", "int main(void){return 0;}\n");
        writeManifest("{\"case\": \"python/001-listed.py\", \"colour\": \"red\", \"deterministic\": true},"
                + "{\"case\": \"python/004-missing.py\"},"
                + "{\"case\": \"python/Bad Name.py\"},"
                + "{\"case\": \"c/001-a.c\", \"exit\": -1, \"node\": {\"differs\": \"\"}},"
                + "{\"case\": \"c/001-a.c\"}");

        InvalidCorpusException e = assertThrows(InvalidCorpusException.class, () -> ParityCorpus.load(dir));
        String all = String.join("\n", e.problems());
        assertContains(all, "unknown field \"colour\"");
        assertContains(all, "no such file");
        assertContains(all, "must look like python/NNN-topic.py");
        assertContains(all, "\"exit\" must be a non-negative integer or \"trap\"");
        assertContains(all, "\"node\" needs a reason");
        assertContains(all, "needs deterministic mode, which Node's WASI does not have");
        assertContains(all, "c/001-a.c is listed twice");
        assertContains(all, "python/002-not-listed.py has no entry");
        assertContains(all, "python/003-orphan.stdin belongs to no listed program");
        assertContains(all, "python/notes.txt: unexpected file");
        assertTrue(e.getMessage().contains(e.problems().size() + " problem(s)"), e.getMessage());
    }

    @Test
    void duplicateEntriesAndNumbersAreRefused() throws IOException {
        writeProgram("python/001-one.py", "1\n");
        writeProgram("python/001-uno.py", "1\n");
        writeManifest("{\"case\": \"python/001-one.py\"}, {\"case\": \"python/001-one.py\"}, {\"case\": \"python/001-uno.py\"}");
        String all = String.join("\n", assertThrows(InvalidCorpusException.class, () -> ParityCorpus.load(dir)).problems());
        assertContains(all, "python/001-one.py is listed twice");
        assertContains(all, "python/001-uno reuses the number of python/001-one");
    }

    @Test
    void malformedManifestsGetAClearMessage() throws IOException {
        Files.createDirectories(dir.resolve("python"));
        Files.createDirectories(dir.resolve("c"));
        assertContains(assertThrows(InvalidCorpusException.class, () -> ParityCorpus.load(dir)).getMessage(), "no corpus.json");
        Files.writeString(dir.resolve("corpus.json"), "{\"cases\": [ {\"case\": ");
        assertContains(assertThrows(InvalidCorpusException.class, () -> ParityCorpus.load(dir)).getMessage(), "not valid JSON");
        Files.writeString(dir.resolve("corpus.json"), "{\"cases\": [], \"cases\": []}");
        assertContains(assertThrows(InvalidCorpusException.class, () -> ParityCorpus.load(dir)).getMessage(), "Duplicate field");
        Files.writeString(dir.resolve("corpus.json"), "[1, 2]");
        assertContains(assertThrows(InvalidCorpusException.class, () -> ParityCorpus.load(dir)).getMessage(), "\"cases\" array");
        Files.writeString(dir.resolve("corpus.json"), "{\"cases\": [{\"case\": \"python/001-x.py\", \"node\": {\"skip\": \"a\", \"differs\": \"b\"}}]}");
        writeProgram("python/001-x.py", "x\n");
        assertContains(assertThrows(InvalidCorpusException.class, () -> ParityCorpus.load(dir)).getMessage(),
                "\"node\" must be {\"skip\": why}");
    }

    private void writeProgram(String rel, String text) throws IOException {
        Path file = dir.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.createDirectories(dir.resolve("python"));
        Files.createDirectories(dir.resolve("c"));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void writeManifest(String entries) throws IOException {
        Files.writeString(dir.resolve("corpus.json"), "{\"about\": \"test\", \"cases\": [" + entries + "]}", StandardCharsets.UTF_8);
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), "expected \"" + part + "\" in:\n" + text);
    }
}
