package dev.wasiplay.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.wasiplay.host.ChicoryHost;
import dev.wasiplay.host.GuestModule;
import dev.wasiplay.host.PythonExecutor;
import dev.wasiplay.host.PythonExecutors;
import dev.wasiplay.host.RunOutcome;
import dev.wasiplay.host.RunSpec;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Workspace}s on Chicory through wasi-host, the bundled CPython in wasi-host's fastest executor
 * and uploaded modules on a fresh instance, at most a few at a time and each within a time limit.
 */
final class PythonRunner {

    private static final Logger log = LoggerFactory.getLogger(PythonRunner.class);

    /** Each run holds a whole interpreter and its linear memory; more runs than cores only queue up anyway. */
    private final Semaphore runSlots;
    /** The fastest execution mode wasi-host offers (pre-started CPython instances; see BENCHMARKS.md). */
    private final PythonExecutor executor = PythonExecutors.fastest();
    private final Duration timeLimit;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wasiplay-run-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    PythonRunner(int maxConcurrentRuns, Duration timeLimit) {
        this.runSlots = new Semaphore(maxConcurrentRuns, true);
        this.timeLimit = timeLimit;
    }

    /** Parses python.wasm on a background thread so the first request does not pay for it. */
    void warmUpInBackground() {
        Thread warmUp = new Thread(() -> {
            long start = System.nanoTime();
            try {
                GuestModule.python();
                log.info("python.wasm parsed in {} ms", (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException | Error e) {
                log.error("could not parse python.wasm; /api/run will report the error", e);
            }
        }, "wasiplay-python-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** Runs {@code workspace} with {@code module} (python.wasm or an uploaded module) once a run slot is free. */
    RunResult run(Workspace workspace, GuestModule module) throws InterruptedException {
        RunSpec.Builder spec = RunSpec.builder()
                .argv(workspace.argv())
                .stdin(workspace.stdin().getBytes(UTF_8));
        workspace.env().forEach(spec::env);
        workspace.files().forEach((path, content) -> spec.file("/" + path, content));
        RunSpec runSpec = spec.build();

        runSlots.acquire();
        try {
            return runWithinTimeLimit(module, runSpec, workspace);
        } finally {
            runSlots.release();
        }
    }

    /** Runs on the calling thread; past the time limit the watchdog interrupts it, which stops the guest. */
    private RunResult runWithinTimeLimit(GuestModule module, RunSpec spec, Workspace workspace) {
        Thread runner = Thread.currentThread();
        RunWatch watch = new RunWatch(runner);
        ScheduledFuture<?> alarm = watchdog.schedule(watch::timeUp, timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        RunOutcome outcome;
        try {
            outcome = workspace.isPython() ? executor.run(spec) : ChicoryHost.run(module, spec);
        } finally {
            alarm.cancel(false);
            watch.finish();
        }
        String stderr = outcome.stderrText();
        if (watch.timedOut()) {
            stderr += "wasiplay: the server stopped the program after its time limit of "
                    + timeLimit.toSeconds() + " s\n";
        }
        return new RunResult(outcome.stdoutText(), stderr, outcome.exitCode(), outcome.durationMs(),
                ChangedFile.between(workspace.files(), outcome.fileSystem(), RunResult.MAX_FILE_CONTENT_BYTES));
    }

    /** Interrupts the run's thread when time is up, unless the run has finished by then. */
    private static final class RunWatch {
        private final Thread runner;
        private boolean finished;
        private boolean timedOut;

        RunWatch(Thread runner) {
            this.runner = runner;
        }

        synchronized void timeUp() {
            if (!finished) {
                timedOut = true;
                runner.interrupt();
            }
        }

        /** Marks the run finished and clears an interrupt that arrived too late to matter. */
        synchronized void finish() {
            finished = true;
            Thread.interrupted();
        }

        synchronized boolean timedOut() {
            return timedOut;
        }
    }

    /** Ends the watchdog thread; runs still going on finish without a time limit. */
    void shutdown() {
        watchdog.shutdownNow();
    }
}
