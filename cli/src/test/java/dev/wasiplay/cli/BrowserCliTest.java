package dev.wasiplay.cli;

import static dev.wasiplay.cli.CliTestSupport.wasiplay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void dirIsRefusedUntilTheWorkerHandsItsTreeBack() {
        Result run = wasiplay(guests, "run", "--engine", "browser", "--dir", ".", "echo.wasm");

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.stderr().startsWith("wasiplay: --dir works with --engine chicory only for now"), run::toString);
    }
}
