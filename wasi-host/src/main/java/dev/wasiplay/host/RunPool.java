package dev.wasiplay.host;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Runs guests on a fixed number of worker threads with a bounded queue in front of them. A run that finds every
 * worker busy waits in the queue; one that finds the queue full too is refused at once with
 * {@link RunPoolFullException}, so callers can say "busy, retry later" instead of piling up.
 *
 * <p>Each run is a {@link ChicoryHost#run} of its own (or a {@link PythonExecutor}'s run): own instance, memory,
 * WASI state and file tree, bounded by its spec's {@link RunLimits}. Modules are parsed once by whoever holds the
 * {@link GuestModule} (e.g. {@link GuestModule#python()}) and shared by every run. Thread-safe.
 */
public final class RunPool implements AutoCloseable {
    private final int workers;
    private final int queueCapacity;
    private final ThreadPoolExecutor executor;
    /** Exponential moving average of run times, for Retry-After. */
    private final AtomicLong averageRunMillis = new AtomicLong(1000);

    /**
     * @param workers       runs going on at once (typically the number of cores: each run keeps one busy)
     * @param queueCapacity runs that may wait for a worker; 0 refuses any run that finds every worker busy
     */
    public RunPool(int workers, int queueCapacity) {
        if (workers < 1) {
            throw new IllegalArgumentException("a run pool needs at least one worker, not " + workers);
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("the run queue capacity must not be negative, not " + queueCapacity);
        }
        this.workers = workers;
        this.queueCapacity = queueCapacity;
        AtomicInteger number = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                queueCapacity == 0 ? new java.util.concurrent.SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(queueCapacity),
                runnable -> {
                    Thread thread = new Thread(runnable, "wasiplay-run-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** One worker per available core, and a queue twice as long. */
    public static RunPool forThisMachine() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new RunPool(cores, 2 * cores);
    }

    public int workers() {
        return workers;
    }

    public int queueCapacity() {
        return queueCapacity;
    }

    /** Runs going on now. */
    public int active() {
        return executor.getActiveCount();
    }

    /** Runs waiting for a worker now. */
    public int queued() {
        return executor.getQueue().size();
    }

    /**
     * Runs {@code module} with {@code spec} on a worker and waits for the outcome.
     *
     * @throws RunPoolFullException at once when every worker is busy and the queue is full (or the pool is closed)
     * @throws InterruptedException when the calling thread is interrupted while it waits; the run is then stopped
     */
    public RunOutcome run(GuestModule module, RunSpec spec) throws InterruptedException {
        Objects.requireNonNull(module, "module");
        return run(runSpec -> ChicoryHost.run(module, runSpec), spec);
    }

    /**
     * Runs {@code spec} on a worker with {@code engine} (e.g. {@code PythonExecutors.fastestFor(limits)::run}) and
     * waits for the outcome. The engine must honour the spec's limits and stop when its thread is interrupted, as
     * {@link ChicoryHost#run} and every {@link PythonExecutor} do.
     *
     * @throws RunPoolFullException at once when every worker is busy and the queue is full (or the pool is closed)
     * @throws InterruptedException when the calling thread is interrupted while it waits; the run is then stopped
     */
    public RunOutcome run(Function<RunSpec, RunOutcome> engine, RunSpec spec) throws InterruptedException {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(spec, "spec");
        Future<RunOutcome> future;
        try {
            future = executor.submit(() -> timed(engine, spec));
        } catch (RejectedExecutionException e) {
            throw new RunPoolFullException(workers, queueCapacity, retryAfter());
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true); // interrupts the worker, which stops the guest
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime; // bad input to the spec, e.g. a file that cannot be placed
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private RunOutcome timed(Function<RunSpec, RunOutcome> engine, RunSpec spec) {
        RunOutcome outcome = engine.apply(spec);
        averageRunMillis.updateAndGet(average -> (average * 3 + outcome.durationMs()) / 4);
        // A worker must not carry an interrupt over to the next run (cancel(true) may arrive late).
        Thread.interrupted();
        return outcome;
    }

    /** About the time until a queue place frees up: one average run, in whole seconds, at least one. */
    private Duration retryAfter() {
        return Duration.ofSeconds(Math.max(1, (averageRunMillis.get() + 999) / 1000));
    }

    /** Refuses new runs; runs going on or queued still finish. */
    @Override
    public void close() {
        executor.shutdown();
    }
}
