package dev.wasiplay.cli;

import static dev.wasiplay.cli.CliTestSupport.wasiplay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasiplay.cli.CliTestSupport.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --engine browser} and {@code --engine both}: the module runs in Debian's headless Chromium through the
 * worker. Each run starts Chromium, so the cases are few. Chromium missing is a failure, never a skip.
 */
class BrowserCliTest {

    @TempDir
    static Path guests;

    @BeforeAll
    static void buildGuests() throws Exception {
        assertTrue(Files.isExecutable(BrowserEngine.CHROMIUM), "these tests need Debian's chromium (./wasiplay test "
                + "installs it)");
        Guests.c(guests, "echo.wasm", Guests.ECHO);
        Guests.wat(guests, "spin.wasm", Guests.SPIN);
        Guests.wat(guests, "trap.wasm", Guests.TRAP);
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

    @Test
    void dirIsRefusedUntilTheWorkerHandsItsTreeBack() {
        Result run = wasiplay(guests, "run", "--engine", "browser", "--dir", ".", "echo.wasm");

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.stderr().startsWith("wasiplay: --dir works with --engine chicory only for now"), run::toString);
    }
}
