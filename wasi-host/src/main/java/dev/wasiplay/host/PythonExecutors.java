package dev.wasiplay.host;

import java.util.Objects;

/** Creates {@link PythonExecutor}s for the bundled CPython. */
public final class PythonExecutors {
    /** Pre-started instances kept by {@link #fastest()}: enough for the two runs a 2-core server does at once. */
    public static final int DEFAULT_PRESTARTED = 2;

    private PythonExecutors() {}

    /**
     * The fastest mode that passes the parity tests, as measured in BENCHMARKS.md
     * ({@link ExecutionMode#PRESTARTED_INTERPRETER}), shared by the whole process: created (and its instances
     * started) on first call, it lives as long as the process, and its {@code close()} does nothing.
     */
    public static PythonExecutor fastest() {
        return Fastest.SHARED;
    }

    private static final class Fastest {
        static final PythonExecutor SHARED = shared(create(ExecutionMode.PRESTARTED_INTERPRETER, DEFAULT_PRESTARTED));

        private static PythonExecutor shared(PythonExecutor executor) {
            return new PythonExecutor() {
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
            };
        }
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
                return ChicoryHost.run(GuestModule.python(), spec,
                        mode.compiled() ? CompiledPython.machineFactory() : null);
            }

            @Override
            public void close() {}
        };
    }
}
