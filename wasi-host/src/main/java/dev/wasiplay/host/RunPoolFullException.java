package dev.wasiplay.host;

import java.time.Duration;

/**
 * {@link RunPool#run} refused a run at once because every worker was busy and the queue was full. Servers answer
 * it with 503 Service Unavailable and a {@code Retry-After} of {@link #retryAfter()}.
 */
public final class RunPoolFullException extends RuntimeException {
    private final Duration retryAfter;

    RunPoolFullException(int workers, int queueCapacity, Duration retryAfter) {
        super("too many runs: all " + workers + " workers are busy and the queue of " + queueCapacity
                + " is full; try again in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    /** A guess of when a place should be free again (about one run's time), in whole seconds, at least one. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
