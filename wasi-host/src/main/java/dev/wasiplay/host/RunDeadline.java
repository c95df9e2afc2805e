package dev.wasiplay.host;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A run's wall-clock limit: when it passes, the thread running the guest is interrupted, which stops the guest
 * at its next call or loop iteration (and wakes it from a sleep or a wait for stdin). One daemon timer thread
 * serves every run of the process.
 */
final class RunDeadline implements AutoCloseable {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Thread runner;
    private final Duration timeout;
    private final ScheduledFuture<?> alarm;
    private boolean finished;
    private boolean fired;

    private RunDeadline(Duration timeout) {
        this.runner = Thread.currentThread();
        this.timeout = timeout;
        this.alarm = timeout == null ? null
                : TIMER.schedule(this::timeUp, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Starts the clock for a run on the calling thread; a null timeout never fires. */
    static RunDeadline start(Duration timeout) {
        return new RunDeadline(timeout);
    }

    private synchronized void timeUp() {
        if (!finished) {
            fired = true;
            runner.interrupt();
        }
    }

    /** Whether the limit passed while the run was going on (the runner was then interrupted by us). */
    synchronized boolean fired() {
        return fired;
    }

    Duration timeout() {
        return timeout;
    }

    /** Stops the clock; clears the interrupt this deadline caused, so the thread can go on to other work. */
    @Override
    public synchronized void close() {
        finished = true;
        if (alarm != null) {
            alarm.cancel(false);
        }
        if (fired) {
            Thread.interrupted();
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "wasiplay-run-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
