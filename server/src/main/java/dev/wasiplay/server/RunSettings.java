package dev.wasiplay.server;

import dev.wasiplay.host.RunLimits;
import java.time.Duration;
import java.util.Map;

/**
 * How the server runs programs: the limits of each run and how many run at once. Every value can come from the
 * environment (see {@link #fromEnvironment}); the defaults suit one person's playground on a laptop.
 *
 * @param timeout        wall-clock limit of one run
 * @param maxMemoryBytes cap on a run's linear memory
 * @param maxOutputBytes cap on each of a run's stdout and stderr
 * @param maxOpenFiles   descriptors a run may hold open (stdio and the "/" preopen included)
 * @param workers        runs going on at once
 * @param queue          runs that may wait for a worker; past that, 503 with Retry-After
 */
public record RunSettings(Duration timeout, long maxMemoryBytes, long maxOutputBytes, int maxOpenFiles, int workers,
        int queue) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    public static final long DEFAULT_MAX_MEMORY_BYTES = 512L << 20;
    public static final long DEFAULT_MAX_OUTPUT_BYTES = 1L << 20;
    public static final int DEFAULT_MAX_OPEN_FILES = 64;

    public RunSettings {
        // Checked the way RunLimits checks them, so a bad setting fails when the server starts, not on a request.
        limits(timeout, maxMemoryBytes, maxOutputBytes, maxOpenFiles);
        if (workers < 1) {
            throw new IllegalArgumentException("the number of run workers must be at least 1, not " + workers);
        }
        if (queue < 0) {
            throw new IllegalArgumentException("the run queue length must not be negative, not " + queue);
        }
    }

    /** The defaults: 120 s, 512 MiB, 1 MiB per stream, 64 descriptors, one worker per core, a queue of twice that. */
    public static RunSettings defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new RunSettings(DEFAULT_TIMEOUT, DEFAULT_MAX_MEMORY_BYTES, DEFAULT_MAX_OUTPUT_BYTES,
                DEFAULT_MAX_OPEN_FILES, cores, 2 * cores);
    }

    /**
     * The defaults, overridden by {@code WASIPLAY_RUN_TIMEOUT_SECONDS}, {@code WASIPLAY_MAX_MEMORY_MB},
     * {@code WASIPLAY_MAX_OUTPUT_BYTES}, {@code WASIPLAY_MAX_OPEN_FILES}, {@code WASIPLAY_RUN_WORKERS} and
     * {@code WASIPLAY_RUN_QUEUE} where set.
     *
     * @throws IllegalArgumentException naming the variable whose value is not acceptable
     */
    public static RunSettings fromEnvironment(Map<String, String> env) {
        if (env.containsKey("WASIPLAY_RUN_TIME_LIMIT")) {
            throw new IllegalArgumentException(
                    "WASIPLAY_RUN_TIME_LIMIT is no longer read: set WASIPLAY_RUN_TIMEOUT_SECONDS instead");
        }
        RunSettings d = defaults();
        return new RunSettings(
                Duration.ofSeconds(number(env, "WASIPLAY_RUN_TIMEOUT_SECONDS", d.timeout.toSeconds(), 1, 24 * 3600)),
                number(env, "WASIPLAY_MAX_MEMORY_MB", d.maxMemoryBytes >> 20, 1, RunLimits.MAX_PAGES / 16) << 20,
                number(env, "WASIPLAY_MAX_OUTPUT_BYTES", d.maxOutputBytes, 0, Integer.MAX_VALUE),
                (int) number(env, "WASIPLAY_MAX_OPEN_FILES", d.maxOpenFiles, 4, 1 << 20),
                (int) number(env, "WASIPLAY_RUN_WORKERS", d.workers, 1, 1024),
                (int) number(env, "WASIPLAY_RUN_QUEUE", d.queue, 0, 1 << 20));
    }

    /** The same settings with another timeout. */
    public RunSettings withTimeout(Duration value) {
        return new RunSettings(value, maxMemoryBytes, maxOutputBytes, maxOpenFiles, workers, queue);
    }

    /** The limits every server run gets. */
    public RunLimits limits() {
        return limits(timeout, maxMemoryBytes, maxOutputBytes, maxOpenFiles);
    }

    private static RunLimits limits(Duration timeout, long maxMemoryBytes, long maxOutputBytes, int maxOpenFiles) {
        if (timeout == null) {
            throw new IllegalArgumentException("a server run needs a time limit");
        }
        return RunLimits.NONE
                .withTimeout(timeout)
                .withMaxMemoryBytes(maxMemoryBytes)
                .withMaxOutputBytes(maxOutputBytes)
                .withMaxOpenFiles(maxOpenFiles);
    }

    private static long number(Map<String, String> env, String name, long fallback, long min, long max) {
        String value = env.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", not \""
                + value + "\"");
    }
}
