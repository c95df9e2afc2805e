package dev.wasiplay.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limits hold for runs served by pre-started CPython instances too (what the server uses): instances built with
 * a memory cap and a descriptor limit, each run with its own time limit and output caps.
 */
class PrestartedLimitsTest {
    private static final RunLimits INSTANCE_LIMITS = RunLimits.NONE.withMaxMemoryBytes(64L << 20).withMaxOpenFiles(16);

    private static PrestartedPython prestarted;

    @BeforeAll
    static void start() throws InterruptedException {
        prestarted = new PrestartedPython(PythonExecutors.FASTEST_MODE, 2, INSTANCE_LIMITS);
        assertTrue(prestarted.awaitReady(2, 180_000), "the pre-started instances did not start");
    }

    @AfterAll
    static void stop() {
        prestarted.close();
    }

    private static RunOutcome run(String script, RunLimits limits) {
        return prestarted.run(RunSpec.builder()
                .argv(List.of("python", "/main.py"))
                .file("/main.py", script.getBytes(StandardCharsets.UTF_8))
                .limits(limits)
                .build());
    }

    @Test
    void eachLimitEndsAPrestartedRunWithItsStatus() {
        int servedBefore = prestarted.served();

        RunOutcome flood = run("while True:\n    print('x' * 99)\n", INSTANCE_LIMITS.withMaxOutputBytes(5000));
        assertEquals(RunStatus.OUTPUT_LIMIT, flood.status(), flood::stderrText);
        assertEquals(5000, flood.stdout().length);
        assertEquals("output limit exceeded: stdout passed its limit of 5000 bytes\n", flood.stderrText());

        RunOutcome bomb = run("print('started')\nhog = bytearray(200 * 1024 * 1024)\n", INSTANCE_LIMITS);
        assertEquals(RunStatus.MEMORY, bomb.status(), bomb::stderrText);
        assertEquals("started\n", bomb.stdoutText());
        assertTrue(bomb.message().endsWith("past the limit of 1024 pages (64 MiB)"), bomb.message());

        RunOutcome loop = run("while True:\n    pass\n", INSTANCE_LIMITS.withTimeout(Duration.ofSeconds(2)));
        assertEquals(RunStatus.TIMEOUT, loop.status(), loop::stderrText);
        assertEquals(ChicoryHost.TRAP_EXIT_CODE, loop.exitCode());
        assertEquals("time limit exceeded: the run was stopped after 2 s\n", loop.stderrText());
        assertTrue(!Thread.currentThread().isInterrupted(), "the deadline's interrupt was left set");

        assertEquals(servedBefore + 3, prestarted.served(), "runs with the instances' limits are served by them");
    }

    @Test
    void descriptorsPastTheInstanceLimitAreEmfile() {
        RunOutcome outcome = run("""
                import errno
                files = []
                try:
                    while True:
                        files.append(open('/main.py'))
                except OSError as e:
                    print(errno.errorcode[e.errno], len(files))
                """, INSTANCE_LIMITS);

        assertEquals(RunStatus.OK, outcome.status(), outcome::stderrText);
        assertTrue(outcome.stdoutText().startsWith("EMFILE "), outcome.stdoutText());
        assertTrue(Integer.parseInt(outcome.stdoutText().trim().substring(7)) < 16, outcome.stdoutText());
    }

    @Test
    void otherMemoryOrDescriptorLimitsGoToAFreshInstanceThatHonoursThem() {
        int servedBefore = prestarted.served();

        RunOutcome outcome = run("print('hi')\nhog = bytearray(40 * 1024 * 1024)\n",
                RunLimits.NONE.withMaxMemoryBytes(32L << 20));

        assertEquals(servedBefore, prestarted.served(), "a run with another memory cap was served by an instance");
        assertEquals(RunStatus.MEMORY, outcome.status(), outcome::stderrText);
        assertEquals("hi\n", outcome.stdoutText());
    }
}
