package dev.wasiplay.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each limit of {@link RunLimits} on a guest that passes it: the run ends with the right status, exit code
 * 134 and a line saying why, and the next run on the same thread goes on normally.
 */
class RunLimitsTest {

    /** Allocates and touches 1 MiB blocks until malloc fails, then says how far it got. */
    private static final String MEMORY_BOMB = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>

            char *volatile last;

            int main(void) {
                for (int mib = 0;; mib++) {
                    char *block = malloc(1 << 20);
                    if (!block) { printf("malloc failed after %d MiB\\n", mib); return 1; }
                    memset(block, mib, 1 << 20);
                    last = block;
                }
            }
            """;

    /** Prints lines forever. */
    private static final String OUTPUT_FLOOD = """
            #include <stdio.h>

            int main(int argc, char **argv) {
                FILE *out = argc > 1 ? stderr : stdout;
                for (;;) fputs("all work and no play makes jack a dull boy\\n", out);
            }
            """;

    /** Opens /data.txt until it cannot, then reports the count and the error. */
    private static final String FD_EXHAUSTION = """
            #include <errno.h>
            #include <fcntl.h>
            #include <stdio.h>
            #include <string.h>

            int main(void) {
                for (int opened = 0;; opened++) {
                    if (open("/data.txt", O_RDONLY) < 0) {
                        printf("opened %d, then %s\\n", opened, errno == EMFILE ? "EMFILE" : strerror(errno));
                        return errno == EMFILE ? 0 : 1;
                    }
                }
            }
            """;

    private static GuestModule hello;
    private static GuestModule memoryBomb;
    private static GuestModule outputFlood;
    private static GuestModule fdExhaustion;

    @BeforeAll
    static void buildGuests() {
        hello = TestGuests.c("#include <stdio.h>\nint main(void) { puts(\"hello\"); return 0; }\n");
        memoryBomb = TestGuests.c(MEMORY_BOMB);
        outputFlood = TestGuests.c(OUTPUT_FLOOD);
        fdExhaustion = TestGuests.c(FD_EXHAUSTION);
    }

    private static RunOutcome run(GuestModule guest, RunLimits limits, String... argv) {
        return ChicoryHost.run(guest, RunSpec.builder().argv(List.of(argv)).limits(limits).build());
    }

    /** The host is fine after a run was stopped: the same thread runs a guest to its normal end. */
    private static void assertANormalRunStillWorks() {
        assertFalse(Thread.currentThread().isInterrupted(), "a stopped run left the thread interrupted");
        RunOutcome outcome = run(hello, RunLimits.NONE.withTimeout(Duration.ofSeconds(30)), "hello");
        assertEquals(RunStatus.OK, outcome.status(), outcome::stderrText);
        assertEquals(0, outcome.exitCode());
        assertEquals("hello\n", outcome.stdoutText());
        assertEquals("exited with code 0", outcome.message());
    }

    @Test
    void anInfiniteLoopIsStoppedAtItsTimeout() {
        GuestModule spin = TestGuests.wat("""
                (module
                  (memory (export "memory") 1)
                  (func (export "_start") (loop $spin (br $spin))))
                """);

        long started = System.nanoTime();
        RunOutcome outcome = run(spin, RunLimits.NONE.withTimeout(Duration.ofMillis(300)), "spin");
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertEquals(RunStatus.TIMEOUT, outcome.status());
        assertEquals("timeout", outcome.status().label());
        assertEquals(ChicoryHost.TRAP_EXIT_CODE, outcome.exitCode());
        assertEquals("time limit exceeded: the run was stopped after 300 ms", outcome.message());
        assertEquals(outcome.message() + "\n", outcome.stderrText());
        assertTrue(tookMs >= 300 && tookMs < 10_000, "took " + tookMs + " ms");
        assertANormalRunStillWorks();
    }

    @Test
    void aGuestWaitingForStdinIsStoppedAtItsTimeout() throws Exception {
        GuestModule cat = TestGuests.c("""
                #include <stdio.h>
                int main(void) { int c; while ((c = getchar()) != EOF) putchar(c); return 0; }
                """);
        try (java.io.PipedOutputStream typing = new java.io.PipedOutputStream();
                java.io.PipedInputStream keyboard = new java.io.PipedInputStream(typing)) {
            typing.write("typed\n".getBytes(StandardCharsets.UTF_8));
            typing.flush();
            RunOutcome outcome = ChicoryHost.run(cat, RunSpec.builder()
                    .argv(List.of("cat"))
                    .stdin(StreamStdin.of(keyboard)) // never closed: the guest waits for more
                    .limits(RunLimits.NONE.withTimeout(Duration.ofMillis(500)))
                    .build());

            assertEquals(RunStatus.TIMEOUT, outcome.status(), outcome::stderrText);
            assertEquals("typed\n", outcome.stdoutText());
        }
        assertANormalRunStillWorks();
    }

    @Test
    void streamStdinPassesInputThroughToTheEnd() {
        GuestModule cat = TestGuests.c("""
                #include <stdio.h>
                int main(void) { int c; while ((c = getchar()) != EOF) putchar(c); return 3; }
                """);
        RunOutcome outcome = ChicoryHost.run(cat, RunSpec.builder()
                .argv(List.of("cat"))
                .stdin(StreamStdin.of(new java.io.ByteArrayInputStream("line one\nline two\n".getBytes(StandardCharsets.UTF_8))))
                .build());

        assertEquals(RunStatus.OK, outcome.status());
        assertEquals(3, outcome.exitCode());
        assertEquals("line one\nline two\n", outcome.stdoutText());
        assertEquals("exited with code 3", outcome.message());
    }

    @Test
    void aMemoryBombIsStoppedAtTheMemoryCap() {
        RunOutcome outcome = run(memoryBomb, RunLimits.NONE.withMaxMemoryBytes(16 << 20), "bomb");

        assertEquals(RunStatus.MEMORY, outcome.status(), outcome::stderrText);
        assertEquals(ChicoryHost.TRAP_EXIT_CODE, outcome.exitCode());
        assertTrue(outcome.message().startsWith("memory limit exceeded: the guest tried to grow its memory to "),
                outcome.message());
        assertTrue(outcome.message().endsWith("past the limit of 256 pages (16 MiB)"), outcome.message());
        assertEquals("", outcome.stdoutText(), "the guest must not get to see malloc fail");
        assertTrue(outcome.stderrText().endsWith(outcome.message() + "\n"));
        assertANormalRunStillWorks();
    }

    @Test
    void theCapDecidesWhereTheBombStops() {
        RunOutcome outcome = run(memoryBomb, RunLimits.NONE.withMaxMemoryBytes(64 << 20), "bomb");

        assertEquals(RunStatus.MEMORY, outcome.status());
        assertTrue(outcome.message().endsWith("past the limit of 1024 pages (64 MiB)"), outcome.message());
    }

    @Test
    void aModuleThatStartsBiggerThanTheCapDoesNotStart() {
        GuestModule big = TestGuests.wat("""
                (module
                  (memory (export "memory") 32)
                  (func (export "_start")))
                """);

        RunOutcome outcome = run(big, RunLimits.NONE.withMaxMemoryPages(16), "big");

        assertEquals(RunStatus.MEMORY, outcome.status());
        assertEquals("memory limit exceeded: the module needs 32 pages (2 MiB) to start, more than the limit of "
                + "16 pages (1 MiB)", outcome.message());
        assertEquals(RunStatus.OK, run(big, RunLimits.NONE.withMaxMemoryPages(32), "big").status());
    }

    @Test
    void growthPastTheModulesOwnMaximumStillAnswersMinusOne() {
        // memory 1..2: the second grow fails by the module's own maximum, not by the cap.
        GuestModule guest = TestGuests.wat("""
                (module
                  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
                  (memory (export "memory") 1 2)
                  (func (export "_start")
                    (drop (memory.grow (i32.const 1)))
                    (call $exit (i32.add (i32.const 100) (memory.grow (i32.const 1))))))
                """);

        RunOutcome outcome = run(guest, RunLimits.NONE.withMaxMemoryPages(2), "grow");

        assertEquals(RunStatus.OK, outcome.status());
        assertEquals(99, outcome.exitCode()); // 100 + (-1)
    }

    @Test
    void anOutputFloodIsCutAtTheCapAndStopped() {
        RunOutcome outcome = run(outputFlood, RunLimits.NONE.withMaxOutputBytes(10_000), "flood");

        assertEquals(RunStatus.OUTPUT_LIMIT, outcome.status());
        assertEquals("output-limit", outcome.status().label());
        assertEquals(ChicoryHost.TRAP_EXIT_CODE, outcome.exitCode());
        assertEquals(10_000, outcome.stdout().length);
        assertTrue(outcome.stdoutText().startsWith("all work and no play makes jack a dull boy\n"));
        assertEquals("output limit exceeded: stdout passed its limit of 10000 bytes", outcome.message());
        assertEquals(outcome.message() + "\n", outcome.stderrText());
        assertANormalRunStillWorks();
    }

    @Test
    void anStderrFloodIsCutAtItsOwnCap() {
        RunOutcome outcome = run(outputFlood, RunLimits.NONE.withMaxStdoutBytes(10).withMaxStderrBytes(5000),
                "flood", "to-stderr");

        assertEquals(RunStatus.OUTPUT_LIMIT, outcome.status());
        assertEquals("", outcome.stdoutText());
        String reason = "output limit exceeded: stderr passed its limit of 5000 bytes";
        assertEquals(reason, outcome.message());
        // The 5000 bytes the guest got out end mid-line (lines are 44 bytes), so the reason starts a new line.
        String stderr = outcome.stderrText();
        assertEquals(5000 + 1 + reason.length() + 1, stderr.length());
        assertTrue(stderr.endsWith("\n" + reason + "\n"), stderr.substring(4900));
    }

    @Test
    void runningOutOfDescriptorsIsEmfileInsideTheGuest() {
        RunOutcome outcome = ChicoryHost.run(fdExhaustion, RunSpec.builder()
                .argv(List.of("fds"))
                .file("/data.txt", "x".getBytes(StandardCharsets.UTF_8))
                .limits(RunLimits.NONE.withMaxOpenFiles(10))
                .build());

        assertEquals(RunStatus.OK, outcome.status(), outcome::stderrText);
        assertEquals(0, outcome.exitCode());
        // stdio (3) and the "/" preopen (1) hold 4 of the 10.
        assertEquals("opened 6, then EMFILE\n", outcome.stdoutText());
        assertANormalRunStillWorks();
    }

    @Test
    void limitsAreCheckedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> RunLimits.NONE.withTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> RunLimits.NONE.withMaxMemoryPages(0));
        assertThrows(IllegalArgumentException.class, () -> RunLimits.NONE.withMaxMemoryPages(RunLimits.MAX_PAGES + 1));
        assertThrows(IllegalArgumentException.class, () -> RunLimits.NONE.withMaxMemoryBytes(1000));
        assertThrows(IllegalArgumentException.class, () -> RunLimits.NONE.withMaxOutputBytes(-1));
        assertThrows(IllegalArgumentException.class, () -> RunLimits.NONE.withMaxOpenFiles(3));
        assertEquals(256, RunLimits.NONE.withMaxMemoryBytes((16 << 20) + 1000).maxMemoryPages());
        assertEquals("1.5 s", RunLimits.describe(Duration.ofMillis(1500)));
        assertEquals("1.5 MiB", RunLimits.describePages(24));
        assertEquals("64 KiB", RunLimits.describePages(1));
    }
}
