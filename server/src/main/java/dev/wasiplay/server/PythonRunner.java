package dev.wasiplay.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.wasiplay.host.GuestModule;
import dev.wasiplay.host.PythonExecutor;
import dev.wasiplay.host.PythonExecutors;
import dev.wasiplay.host.RunLimits;
import dev.wasiplay.host.RunOutcome;
import dev.wasiplay.host.RunPool;
import dev.wasiplay.host.RunPoolFullException;
import dev.wasiplay.host.RunSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link RunRequest}s with the bundled CPython on Chicory (through wasi-host's fastest executor: pre-started
 * CPython instances built for the server's memory cap and descriptor limit): on a {@link RunPool} of a few workers
 * with a bounded queue, each run within the server's {@link RunLimits}.
 */
final class PythonRunner {

    private static final Logger log = LoggerFactory.getLogger(PythonRunner.class);

    private final RunLimits limits;
    private final RunPool pool;
    /** Shared by every server in the process with the same memory cap and descriptor limit (see BENCHMARKS.md). */
    private final PythonExecutor executor;

    PythonRunner(RunSettings settings) {
        this.limits = settings.limits();
        this.pool = new RunPool(settings.workers(), settings.queue());
        this.executor = PythonExecutors.fastestFor(limits);
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

    /**
     * Runs the request and waits for it.
     *
     * @throws RunPoolFullException at once when every worker is busy and the queue is full
     */
    RunResult run(RunRequest request) throws InterruptedException {
        RunSpec.Builder spec = RunSpec.builder()
                .argv(request.argv())
                .stdin(request.stdin().getBytes(UTF_8))
                .limits(limits);
        request.files().forEach((path, text) -> spec.file("/" + path, text.getBytes(UTF_8)));
        RunOutcome outcome = pool.run(executor::run, spec.build());
        return new RunResult(outcome.stdoutText(), outcome.stderrText(), outcome.exitCode(), outcome.durationMs(),
                outcome.status().label(), outcome.message());
    }

    /** Refuses new runs; runs going on finish within their limits. */
    void shutdown() {
        pool.close();
    }
}
