package dev.wasiplay.e2e.parity;

import dev.wasiplay.e2e.parity.ParityCase.Kind;
import dev.wasiplay.host.ChicoryHost;
import dev.wasiplay.host.GuestModule;
import dev.wasiplay.host.ExecutionMode;
import dev.wasiplay.host.PythonExecutor;
import dev.wasiplay.host.PythonExecutors;
import dev.wasiplay.host.RunLimits;
import dev.wasiplay.host.RunOutcome;
import dev.wasiplay.host.RunSpec;
import dev.wasiplay.polyfill.DeterministicMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's engine: wasi-host on Chicory. Python cases run on {@link PythonExecutors#fastest()}, the
 * executor the server uses (compiled CPython instances started ahead of time), or on the execution mode named
 * by {@value #MODE_PROPERTY}; C cases on a fresh
 * {@link ChicoryHost#run} instance of their module, parsed and compiled once as the server does for uploaded
 * modules ({@link GuestModule#compiled()}). Each run gets an empty "/" with the case's
 * guest files, its argv and stdin, no environment, and a time limit.
 */
public final class ChicoryRunner {
    public static final String ENGINE = "chicory";

    /** Optional: the wasi-host execution mode for Python cases (an {@link ExecutionMode} name); default: the server's. */
    static final String MODE_PROPERTY = "wasiplay.parity.chicoryMode";

    private final PythonExecutor python = System.getProperty(MODE_PROPERTY) == null ? PythonExecutors.fastest()
            : PythonExecutors.create(ExecutionMode.valueOf(System.getProperty(MODE_PROPERTY)), PythonExecutors.DEFAULT_PRESTARTED);
    private final Map<String, Path> compiledC;
    private final Map<String, GuestModule> modules = new ConcurrentHashMap<>();
    private final RunLimits limits;

    /** @param compiledC the C cases' modules by case id ({@link GuestBinaries#compileC}) */
    public ChicoryRunner(Map<String, Path> compiledC, Duration limit) {
        this.compiledC = Map.copyOf(compiledC);
        this.limits = RunLimits.NONE.withTimeout(limit);
    }

    /**
     * Runs the case; never throws for what the guest does.
     *
     * @param deterministic run in deterministic mode with the default seed (as the browser side does)
     */
    public EngineRun run(ParityCase c, boolean deterministic) {
        long started = System.nanoTime();
        try {
            RunSpec.Builder spec = RunSpec.builder().argv(c.argv()).stdin(c.stdin()).limits(limits);
            c.guestFiles().forEach(spec::file);
            if (deterministic) {
                spec.deterministic(DeterministicMode.DEFAULT_SEED);
            }
            RunOutcome outcome = c.kind() == Kind.PYTHON ? python.run(spec.build()) : ChicoryHost.run(module(c), spec.build());
            long ms = (System.nanoTime() - started) / 1_000_000;
            String status = outcome.status().label();
            return new EngineRun(ENGINE, null, outcome.exitCode(), status, "ok".equals(status) ? null : outcome.message(),
                    outcome.stdout(), false, outcome.stderr(), false, FileTree.of(outcome.fileSystem()), ms);
        } catch (RuntimeException e) {
            return EngineRun.failed(ENGINE, "host failure: " + e, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private GuestModule module(ParityCase c) {
        return modules.computeIfAbsent(c.id(), id -> {
            Path file = compiledC.get(id);
            if (file == null) {
                throw new IllegalStateException("no compiled module for " + id);
            }
            try {
                return GuestModule.load(Files.readAllBytes(file)).compiled();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
