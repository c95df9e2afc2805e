package dev.wasiplay.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled CPython on Chicory. Each run costs seconds on the interpreter, so these are few; all share
 * the module parsed once by {@link GuestModule#python()}.
 */
class PythonOnChicoryTest {

    private static RunOutcome runScript(String script, RunSpec.Builder spec) {
        return ChicoryHost.run(GuestModule.python(), spec
                .argv(List.of("python", "/main.py"))
                .file("/main.py", script.getBytes(StandardCharsets.UTF_8))
                .build());
    }

    @Test
    void printsASum() {
        RunOutcome outcome = runScript("print(sum(range(10)))", RunSpec.builder());

        assertEquals(0, outcome.exitCode(), outcome.stderrText());
        assertEquals("45\n", outcome.stdoutText());
        assertEquals("", outcome.stderrText());
        assertEquals(RunStatus.OK, outcome.status());
    }

    @Test
    void startsUnderAMemoryCapAndIsStoppedWhenItAsksForMore() {
        RunOutcome outcome = runScript("""
                print("started")
                hog = bytearray(200 * 1024 * 1024)
                print("never printed")
                """, RunSpec.builder().limits(RunLimits.NONE.withMaxMemoryBytes(64L << 20)));

        assertEquals(RunStatus.MEMORY, outcome.status(), outcome.stderrText());
        assertEquals("started\n", outcome.stdoutText());
        assertEquals(ChicoryHost.TRAP_EXIT_CODE, outcome.exitCode());
        assertTrue(outcome.message().endsWith("past the limit of 1024 pages (64 MiB)"), outcome.message());
    }

    @Test
    void writesToStderrAndExitsWithACode() {
        RunOutcome outcome = runScript("""
                import sys
                print("about to fail", file=sys.stderr)
                sys.exit(3)
                """, RunSpec.builder());

        assertEquals(3, outcome.exitCode());
        assertEquals("about to fail\n", outcome.stderrText());
        assertEquals("", outcome.stdoutText());
    }

    @Test
    void readsStdin() {
        RunOutcome outcome = runScript("import sys; print(sys.stdin.read().upper())",
                RunSpec.builder().stdin("shout, please\n".getBytes(StandardCharsets.UTF_8)));

        assertEquals(0, outcome.exitCode(), outcome.stderrText());
        assertEquals("SHOUT, PLEASE\n\n", outcome.stdoutText());
    }

    @Test
    void readsAFileAndWritesAnother() {
        RunOutcome outcome = runScript("""
                import os
                with open("/data/in.txt") as f:
                    words = f.read().split()
                os.makedirs("/results", exist_ok=True)
                with open("/results/count.txt", "w") as f:
                    f.write(f"{len(words)} words\\n")
                print(sorted(os.listdir("/")))
                """, RunSpec.builder().file("/data/in.txt", "one two three".getBytes(StandardCharsets.UTF_8)));

        assertEquals(0, outcome.exitCode(), outcome.stderrText());
        assertEquals("['data', 'main.py', 'results']\n", outcome.stdoutText());
        assertArrayEquals("3 words\n".getBytes(StandardCharsets.UTF_8),
                outcome.fileSystem().readFile("/results/count.txt"));
    }

    @Test
    void sleepsForReal() {
        RunOutcome outcome = runScript("""
                import time
                start = time.monotonic()
                time.sleep(0.05)
                print(time.monotonic() - start >= 0.05)
                """, RunSpec.builder());

        assertEquals(0, outcome.exitCode(), outcome.stderrText());
        assertEquals("True\n", outcome.stdoutText());
    }

    @Test
    void runsDashCWithArguments() {
        RunOutcome outcome = ChicoryHost.run(GuestModule.python(), RunSpec.builder()
                .argv(List.of("python", "-c", "import sys, os; print(sys.argv[1:], os.environ['WHO'])", "a", "b c"))
                .env("WHO", "chicory")
                .build());

        assertEquals(0, outcome.exitCode(), outcome.stderrText());
        assertEquals("['a', 'b c'] chicory\n", outcome.stdoutText());
    }
}
