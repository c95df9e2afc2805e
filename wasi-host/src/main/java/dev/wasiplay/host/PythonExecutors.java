package dev.wasiplay.host;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Creates {@link PythonExecutor}s for the bundled CPython. */
public final class PythonExecutors {
    /** Pre-started instances kept by {@link #fastest()}: enough for the two runs a 2-core server does at once. */
    public static final int DEFAULT_PRESTARTED = 2;

    /**
     * The mode of {@link #fastest()}: pre-started instances of the split python.wasm compiled at build time
     * ({@link CompiledPython}). The JVM should run with the README's JIT flags ({@code -XX:-DontCompileHugeMethods
     * -XX:MaxNodeLimit=400000 -XX:NodeLimitFudgeFactor=16000}).
     */
    public static final ExecutionMode FASTEST_MODE = ExecutionMode.PRESTARTED_COMPILER;

    private PythonExecutors() {}

    /**
     * The fastest mode that passes the parity tests, as measured in BENCHMARKS.md ({@link #FASTEST_MODE}),
     * shared by the whole process: created (and its instances
     * started) on first call, it lives as long as the process, and its {@code close()} does nothing.
     */
    public static PythonExecutor fastest() {
        return Fastest.SHARED;
    }

    /**
     * {@link #fastest()} for runs with the given limits: its pre-started instances are built with the limits' memory
     * cap and descriptor limit (which cannot change once CPython runs), so runs with those limits are served by them;
     * each run's time limit and output caps are its own. Shared per distinct (memory cap, descriptor limit) for the
     * life of the process, like {@link #fastest()}.
     */
    public static PythonExecutor fastestFor(RunLimits limits) {
        Objects.requireNonNull(limits, "limits");
        if (limits.maxMemoryPages() == RunLimits.NONE.maxMemoryPages()
                && limits.maxOpenFiles() == RunLimits.NONE.maxOpenFiles()) {
            return fastest();
        }
        return Fastest.BY_INSTANCE_LIMITS.computeIfAbsent(List.of(limits.maxMemoryPages(), limits.maxOpenFiles()),
                key -> new Shared(new PrestartedPython(FASTEST_MODE, DEFAULT_PRESTARTED,
                        RunLimits.NONE.withMaxMemoryPages(key.get(0)).withMaxOpenFiles(key.get(1)))));
    }

    /**
     * Waits until every pre-started instance of {@code executor} (one from this class) is started and waiting,
     * as on a server between requests; true at once for modes without any. For benchmarks and tests.
     */
    static boolean awaitReady(PythonExecutor executor, long timeoutMs) throws InterruptedException {
        PythonExecutor inner = executor instanceof Shared shared ? shared.executor : executor;
        return !(inner instanceof PrestartedPython pool) || pool.awaitReady(pool.size(), timeoutMs);
    }

    private static final class Fastest {
        static final PythonExecutor SHARED = new Shared(create(FASTEST_MODE, DEFAULT_PRESTARTED));
        static final Map<List<Integer>, PythonExecutor> BY_INSTANCE_LIMITS = new ConcurrentHashMap<>();
    }

    /** A process-wide executor: its {@code close()} does nothing. */
    private static final class Shared implements PythonExecutor {
        private final PythonExecutor executor;

        Shared(PythonExecutor executor) {
            this.executor = executor;
        }

        @Override
        public ExecutionMode mode() {
            return executor.mode();
        }

        @Override
        public RunOutcome run(RunSpec spec) {
            return executor.run(spec);
        }

        @Override
        public void close() {}
    }

    /**
     * An executor in the given mode; {@code prestarted} is how many instances a pre-started mode keeps
     * started and waiting (ignored by the others). Pre-started modes start their instances at once.
     */
    public static PythonExecutor create(ExecutionMode mode, int prestarted) {
        Objects.requireNonNull(mode, "mode");
        if (mode.prestarted()) {
            return new PrestartedPython(mode, prestarted);
        }
        return new PythonExecutor() {
            @Override
            public ExecutionMode mode() {
                return mode;
            }

            @Override
            public RunOutcome run(RunSpec spec) {
                return mode.compiled()
                        ? ChicoryHost.run(CompiledPython.module(), spec, CompiledPython.machineFactory())
                        : ChicoryHost.run(GuestModule.python(), spec, null);
            }

            @Override
            public void close() {}
        };
    }
}
