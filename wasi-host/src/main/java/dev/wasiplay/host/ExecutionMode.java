package dev.wasiplay.host;

/**
 * How the server runs the bundled CPython. Every mode uses the polyfill ({@code WasiPreview1}) as the WASI
 * layer; they differ only in what executes the wasm code and whether CPython's own start-up is paid
 * before or after a request arrives. BENCHMARKS.md at the repository root has the measured speed of each.
 */
public enum ExecutionMode {
    /** Chicory's interpreter, a fresh instance per run (what {@link ChicoryHost#run} does). */
    INTERPRETER(false, false),
    /**
     * Chicory's compiler (wasm to JVM bytecode, compiled once per process, in the background on first use),
     * a fresh instance per run. Functions too large for a JVM method, CPython's eval loop among them, are split
     * first ({@link FunctionSplitter}), so everything runs compiled.
     */
    COMPILER(true, false),
    /** Interpreter, with CPython already started and waiting for the program (see {@link PrestartedPython}). */
    PRESTARTED_INTERPRETER(false, true),
    /** Compiler, with CPython already started and waiting for the program. */
    PRESTARTED_COMPILER(true, true);

    private final boolean compiled;
    private final boolean prestarted;

    ExecutionMode(boolean compiled, boolean prestarted) {
        this.compiled = compiled;
        this.prestarted = prestarted;
    }

    /** Whether wasm functions run as JVM bytecode compiled by Chicory's compiler. */
    public boolean compiled() {
        return compiled;
    }

    /** Whether runs are served by CPython instances started before the request. */
    public boolean prestarted() {
        return prestarted;
    }
}
