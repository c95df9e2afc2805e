package dev.wasiplay.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunPoolTest {

    /** Writes argv[1] to stdout, then exits with argc. */
    private static final GuestModule ECHO = TestGuests.c("""
            #include <stdio.h>
            int main(int argc, char **argv) { fputs(argv[1], stdout); return argc; }
            """);

    /** Spins until stopped. */
    private static final GuestModule SPIN = TestGuests.wat("""
            (module
              (memory (export "memory") 1)
              (func (export "_start") (loop $spin (br $spin))))
            """);

    private static RunSpec spec(String... argv) {
        return RunSpec.builder().argv(List.of(argv)).build();
    }

    @Test
    void manyRunsInParallelEachSeeOnlyTheirOwnInputs() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(12);
        try (RunPool pool = new RunPool(3, 12)) {
            List<Future<RunOutcome>> runs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String marker = "run-" + i;
                runs.add(callers.submit(() -> pool.run(ECHO, spec("echo", marker))));
            }
            for (int i = 0; i < runs.size(); i++) {
                RunOutcome outcome = runs.get(i).get(60, TimeUnit.SECONDS);
                assertEquals(RunStatus.OK, outcome.status(), outcome::stderrText);
                assertEquals("run-" + i, outcome.stdoutText());
                assertEquals(2, outcome.exitCode());
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void pastWorkersAndQueueARunIsRefusedAtOnce() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (RunPool pool = new RunPool(1, 1)) {
            RunSpec busy = RunSpec.builder().argv(List.of("spin"))
                    .limits(RunLimits.NONE.withTimeout(Duration.ofSeconds(2))).build();
            Future<RunOutcome> running = callers.submit(() -> pool.run(SPIN, busy));
            awaitUntil(() -> pool.active() == 1);
            Future<RunOutcome> waiting = callers.submit(() -> pool.run(ECHO, spec("echo", "queued")));
            awaitUntil(() -> pool.queued() == 1);

            long started = System.nanoTime();
            RunPoolFullException refused = assertThrows(RunPoolFullException.class,
                    () -> pool.run(ECHO, spec("echo", "one too many")));
            assertTrue(System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(500), "refusal was not immediate");
            assertTrue(refused.getMessage().startsWith("too many runs: all 1 workers are busy and the queue of 1 is full"),
                    refused.getMessage());
            assertTrue(refused.retryAfter().toSeconds() >= 1);

            assertEquals(RunStatus.TIMEOUT, running.get(30, TimeUnit.SECONDS).status());
            assertEquals("queued", waiting.get(30, TimeUnit.SECONDS).stdoutText());
            // With room again, runs are accepted.
            assertEquals("after", pool.run(ECHO, spec("echo", "after")).stdoutText());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void interruptingAWaitingCallerStopsItsRun() throws Exception {
        try (RunPool pool = new RunPool(1, 0)) {
            Thread caller = Thread.currentThread();
            Thread interrupter = new Thread(() -> {
                awaitUntil(() -> pool.active() == 1);
                caller.interrupt();
            });
            interrupter.start();
            assertThrows(InterruptedException.class, () -> pool.run(SPIN, spec("spin")));
            interrupter.join();
            awaitUntil(() -> pool.active() == 0); // the worker is free again
            assertEquals("free", pool.run(ECHO, spec("echo", "free")).stdoutText());
        }
    }

    @Test
    void badSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RunPool(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RunPool(1, -1));
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 30 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
