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
import java.util.Map;

/**
 * Runs {@link Workspace}s on Chicory through wasi-host: the bundled CPython in wasi-host's fastest executor
 * (pre-started CPython instances built for the server's memory cap and descriptor limit), uploaded modules on a
 * fresh instance; on a {@link RunPool} of a few workers with a bounded queue, each run within the server's
 * {@link RunLimits}.
 */
final class PythonRunner {

    private final RunLimits limits;
    private final RunPool pool;
    /** Shared by every server in the process with the same memory cap and descriptor limit (see BENCHMARKS.md). */
    private final PythonExecutor executor;

    PythonRunner(RunSettings settings) {
        this.limits = settings.limits();
        this.pool = new RunPool(settings.workers(), settings.queue());
        this.executor = PythonExecutors.fastestFor(limits);
    }

    /**
     * Runs {@code workspace} and waits for it: the bundled CPython on the executor's own instances, an uploaded
     * module as {@code module} (null for a Python workspace); {@code seed}: deterministic mode's seed, or null for an
     * ordinary run.
     *
     * @throws ApiException 503 with Retry-After at once when every worker is busy and the queue is full
     */
    RunResult run(Workspace workspace, GuestModule module, Long seed) throws InterruptedException {
        RunOutcome outcome = execute(workspace, module, seed);
        return new RunResult(outcome.stdoutText(), outcome.stderrText(), outcome.exitCode(), outcome.durationMs(),
                outcome.status().label(), outcome.message(),
                ChangedFile.between(workspace.files(), outcome.fileSystem(), RunResult.MAX_FILE_CONTENT_BYTES),
                seed == null ? null : Map.of("seed", seed));
    }

    /** Runs {@code workspace} and returns wasi-host's outcome, the tree after the run included. */
    RunOutcome execute(Workspace workspace, GuestModule module, Long seed) throws InterruptedException {
        RunSpec spec = specFor(workspace, seed);
        try {
            // A deterministic python run goes to a fresh instance inside the executor (see PrestartedPython).
            return workspace.isPython() ? pool.run(executor::run, spec) : pool.run(module, spec);
        } catch (RunPoolFullException e) {
            throw new ApiException(503, e.getMessage(), Math.max(1, e.retryAfter().toSeconds()));
        }
    }

    /**
     * What a run of {@code workspace} is: its argv, env and stdin, the server's limits, and its tree as the
     * workspace's {@linkplain Workspace#image() filesystem image}, the very bytes {@code /api/image} serves
     * the browser, so both engines start from the same tree; deterministic when {@code seed} is not null.
     */
    RunSpec specFor(Workspace workspace, Long seed) {
        RunSpec.Builder spec = RunSpec.builder()
                .argv(workspace.argv())
                .stdin(workspace.stdin().getBytes(UTF_8))
                .image(workspace.imageOrBadRequest())
                .limits(limits)
                .deterministic(seed);
        workspace.env().forEach(spec::env);
        return spec.build();
    }

    /** Refuses new runs; runs going on finish within their limits. */
    void shutdown() {
        pool.close();
    }
}
