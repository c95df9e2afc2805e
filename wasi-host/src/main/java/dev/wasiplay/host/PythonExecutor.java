package dev.wasiplay.host;

/**
 * Runs programs on the bundled CPython in one {@link ExecutionMode}. Same contract as
 * {@link ChicoryHost#run}: blocks until the guest ends, never throws for guest failures, and interrupting
 * the calling thread stops the guest (the outcome then reports "run interrupted"). Thread-safe.
 */
public interface PythonExecutor extends AutoCloseable {
    ExecutionMode mode();

    RunOutcome run(RunSpec spec);

    /** Stops background work (pre-started instances); runs still going on finish normally. */
    @Override
    void close();
}
