package dev.wasiplay.cli;

import static dev.wasiplay.cli.CliTestSupport.wasiplay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasiplay.cli.CliTestSupport.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --engine browser} and {@code --engine both}: the module runs in Debian's headless Chromium through the
 * worker. Each run starts Chromium, so the cases are few. Chromium missing is a failure, never a skip.
 */
class BrowserCliTest {

    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    static Path guests;

    @BeforeAll
    static void buildGuests() throws Exception {
        assertTrue(Files.isExecutable(BrowserEngine.CHROMIUM), "these tests need Debian's chromium (./wasiplay test "
                + "installs it)");
        Guests.c(guests, "echo.wasm", Guests.ECHO);
        Guests.wat(guests, "spin.wasm", Guests.SPIN);
        Guests.wat(guests, "trap.wasm", Guests.TRAP);
        Guests.c(guests, "dirs.wasm", Guests.DIR_GUEST);
        Guests.c(guests, "random.wasm", Guests.RANDOM_FILE);
    }

    @Test
    void runsInChromiumWithArgsEnvStdinAndTheExitCode() {
        Result run = wasiplay(guests, "typed input\n", Map.of(), "run", "--engine", "browser", "--env", "GREETING=hi",
                "echo.wasm", "one");

        assertEquals(6, run.exitCode(), run::toString);
        assertEquals("argv: [echo.wasm] [one]\nGREETING=hi\ntyped input\n", run.stdout());
        assertEquals("to stderr\n", run.stderr());
    }

    @Test
    void theTimeoutTerminatesTheWorker() {
        Result run = wasiplay(guests, "run", "--engine=browser", "--timeout", "1", "spin.wasm");

        assertEquals(134, run.exitCode(), run::toString);
        assertEquals("time limit exceeded: the run was stopped after 1 s\n", run.stderr());
    }

    @Test
    void bothEnginesAgreeingPrintTheResultOnce() {
        Result run = wasiplay(guests, "same stdin\n", Map.of(), "run", "--engine", "both", "echo.wasm", "x");

        assertEquals(6, run.exitCode(), run::toString);
        assertEquals("argv: [echo.wasm] [x]\nGREETING=(unset)\nsame stdin\n", run.stdout());
        assertEquals("to stderr\n", run.stderr());
    }

    @Test
    void bothEnginesDisagreeingPrintADiffAndExit1() {
        // Chicory and V8 word the same trap differently.
        Result run = wasiplay(guests, "run", "--engine", "both", "trap.wasm");

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("", run.stdout());
        assertTrue(run.stderr().startsWith("wasiplay: the engines differ in stderr\n--- chicory stderr\n"
                + "+++ browser stderr\n@@ -1 +1 @@\n-wasm trap: "), run::toString);
        assertTrue(run.stderr().contains("\n+wasm trap: "), run::toString);
    }

    @Test
    void bundledPythonRunsOnBothEngines() {
        Result run = wasiplay(guests, "run", "--engine", "both", "python", "-c", "print(sum(range(10)))");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("45\n", run.stdout());
    }

    /** The line of issue 8: the same in both engines and in two runs with the default seed; another with seed 7. */
    @Test
    void deterministicPythonIsIdenticalOnBothEnginesAndAcrossRunsAndWritesTheReport() throws Exception {
        String code = "import random, time, uuid, tempfile; print(random.random(), time.time(), uuid.uuid4()); "
                + "open('/out.txt', 'w').write('hello')";
        Result first = wasiplay(guests, "run", "--engine", "both", "--report", "first.json", "python", "-c", code);
        Result second = wasiplay(guests, "run", "--engine", "both", "python", "-c", code);
        Result seven = wasiplay(guests, "run", "--engine", "both", "--deterministic=7", "python", "-c", code);

        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(first.stdout().matches("0\\.\\d+ 1704067200\\.\\d+ [0-9a-f-]{36}\n"), first::toString);
        assertEquals(first.stdout(), second.stdout(), second::toString);
        assertEquals(0, seven.exitCode(), seven::toString);
        assertTrue(!seven.stdout().equals(first.stdout()), seven::toString);

        JsonNode report = new ObjectMapper().readTree(guests.resolve("first.json").toFile());
        assertEquals("wasiplay-parity-report/1", report.get("format").textValue());
        assertEquals("identical", report.get("verdict").textValue(), report::toString);
        assertEquals(42, report.get("deterministic").get("seed").intValue());
        assertEquals("chicory", report.get("engines").get(0).get("engine").textValue());
        assertEquals("browser", report.get("engines").get(1).get("engine").textValue());
        assertEquals(first.stdout(), report.get("engines").get(1).get("stdout").textValue());
        assertEquals("[{\"path\":\"out.txt\",\"change\":\"created\",\"size\":5,\"sha256\":"
                + "\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\"}]",
                report.get("engines").get(1).get("files").toString());
    }

    @Test
    void withoutDeterministicModeTheEnginesDifferAndTheReportSaysWhere() throws Exception {
        Result run = wasiplay(guests, "run", "--engine", "both", "--no-deterministic", "--report", "random.json",
                "python", "-c", "import os; print(os.urandom(8).hex())");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.stderr().startsWith("wasiplay: the engines differ in stdout\n--- chicory stdout\n"), run::toString);
        JsonNode report = new ObjectMapper().readTree(guests.resolve("random.json").toFile());
        assertEquals("differs", report.get("verdict").textValue());
        assertTrue(report.get("deterministic").isNull());
        JsonNode difference = report.get("differences").get(0);
        assertEquals("stdout", difference.get("field").textValue());
        assertEquals(1, difference.get("line").intValue());
    }

    /** A host directory in the layout {@link Guests#DIR_GUEST} works on; keep.txt is dated long ago. */
    private static void fillForDirGuest(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("gone"));
        Files.writeString(dir.resolve("in.txt"), "hello from the host\n");
        Files.writeString(dir.resolve("change.txt"), "original\n");
        Files.writeString(dir.resolve("old.txt"), "doomed\n");
        Files.writeString(dir.resolve("keep.txt"), "untouched\n");
        Files.writeString(dir.resolve("gone/inner.txt"), "also doomed\n");
        Files.setLastModifiedTime(dir.resolve("keep.txt"), LONG_AGO);
    }

    private static void assertDirGuestChanges(Path dir) throws Exception {
        assertEquals("changed by the guest\n", Files.readString(dir.resolve("change.txt")));
        assertEquals("new\n", Files.readString(dir.resolve("made/new.txt")));
        assertFalse(Files.exists(dir.resolve("old.txt")));
        assertFalse(Files.exists(dir.resolve("gone")));
        assertEquals("untouched\n", Files.readString(dir.resolve("keep.txt")));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(dir.resolve("keep.txt")), "an untouched file was rewritten");
    }

    @Test
    void dirGoesToTheBrowserAsAnImageAndItsChangesAreWrittenBack(@TempDir Path work) throws Exception {
        fillForDirGuest(work);

        // --dir . preopens "." in the worker too: wasi-libc resolves the relative paths against it.
        Result run = wasiplay(work, "run", "--engine", "browser", "--dir", ".", guests.resolve("dirs.wasm").toString(), ".");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("in.txt says: hello from the host\n", run.stdout());
        assertEquals("", run.stderr());
        assertDirGuestChanges(work);
    }

    @Test
    void bothEnginesAgreeingOnTheirTreesWriteBackOnce(@TempDir Path work) throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        fillForDirGuest(data);

        Result run = wasiplay(work, "run", "--engine", "both", "--dir", "data::/data",
                guests.resolve("dirs.wasm").toString(), "/data");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("in.txt says: hello from the host\n", run.stdout());
        assertEquals("", run.stderr());
        assertDirGuestChanges(data);
    }

    @Test
    void bothEnginesWhoseTreesDifferWriteNothingBack(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("random.bin"), "before");

        // Outside deterministic mode each engine's random_get gives other bytes: same output, different files.
        Result run = wasiplay(work, "run", "--engine", "both", "--no-deterministic", "--dir", ".::/w",
                guests.resolve("random.wasm").toString(), "/w/random.bin");

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("", run.stdout());
        assertEquals("wasiplay: the engines differ in files\n"
                + "files differ at /w/random.bin: chicory file of 16 bytes, browser file of 16 bytes\n"
                + "wasiplay: --dir: nothing was written back, as the engines do not agree\n", run.stderr());
        assertEquals("before", Files.readString(work.resolve("random.bin")));
    }

    @Test
    void aBrowserRunStoppedAtItsTimeLimitWritesNothingBack(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("kept.txt"), "kept");

        Result run = wasiplay(work, "run", "--engine", "browser", "--timeout", "1", "--dir", ".",
                guests.resolve("spin.wasm").toString());

        assertEquals(134, run.exitCode(), run::toString);
        assertEquals("time limit exceeded: the run was stopped after 1 s\n"
                + "wasiplay: --dir: nothing was written back: the browser run was stopped (timeout) before it could "
                + "hand its file tree back\n", run.stderr());
        assertEquals("kept", Files.readString(work.resolve("kept.txt")));
    }
}
