package dev.wasiplay.host;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of one run. Passing one ends the run with a {@link RunStatus} other than OK:
 *
 * <ul>
 *   <li>{@code timeout}: wall-clock time from the start of instantiation; past it the run's thread is
 *       interrupted, which stops the guest at its next call or loop iteration ({@link RunStatus#TIMEOUT}).
 *   <li>{@code maxMemoryPages}: the most 64 KiB pages the guest's linear memory may have. A {@code memory.grow}
 *       past it ends the run at once ({@link RunStatus#MEMORY}) instead of returning -1, so a memory bomb is
 *       reported as such; a module that needs more pages than this to start does not start.
 *   <li>{@code maxStdoutBytes} / {@code maxStderrBytes}: bytes the guest may write to fd 1 / fd 2. The write
 *       that passes the cap delivers what still fits, then ends the run ({@link RunStatus#OUTPUT_LIMIT}).
 *   <li>{@code maxOpenFiles}: descriptors the guest may hold open, stdio and preopens included. Past it, opening
 *       answers EMFILE inside the guest; the run goes on.
 * </ul>
 *
 * {@link #NONE} (the default of every {@link RunSpec}) sets no timeout, no caps beyond the module's own memory
 * maximum, and the polyfill's 1024 descriptors. Immutable; the {@code with...} methods return copies.
 */
public final class RunLimits {
    /** Chicory's largest memory: 32767 pages (2 GiB minus 64 KiB), the most a JVM byte array can address. */
    public static final int MAX_PAGES = com.dylibso.chicory.runtime.Memory.RUNTIME_MAX_PAGES;
    /** Bytes in one wasm page. */
    public static final int PAGE_SIZE = com.dylibso.chicory.runtime.Memory.PAGE_SIZE;
    /** The polyfill's default descriptor limit. */
    public static final int DEFAULT_MAX_OPEN_FILES = 1024;

    /** No timeout, no memory or output caps, 1024 descriptors. */
    public static final RunLimits NONE =
            new RunLimits(null, MAX_PAGES, Long.MAX_VALUE, Long.MAX_VALUE, DEFAULT_MAX_OPEN_FILES);

    private final Duration timeout;
    private final int maxMemoryPages;
    private final long maxStdoutBytes;
    private final long maxStderrBytes;
    private final int maxOpenFiles;

    private RunLimits(Duration timeout, int maxMemoryPages, long maxStdoutBytes, long maxStderrBytes,
            int maxOpenFiles) {
        this.timeout = timeout;
        this.maxMemoryPages = maxMemoryPages;
        this.maxStdoutBytes = maxStdoutBytes;
        this.maxStderrBytes = maxStderrBytes;
        this.maxOpenFiles = maxOpenFiles;
    }

    /** The wall-clock limit, or null for none. */
    public Duration timeout() {
        return timeout;
    }

    public int maxMemoryPages() {
        return maxMemoryPages;
    }

    public long maxStdoutBytes() {
        return maxStdoutBytes;
    }

    public long maxStderrBytes() {
        return maxStderrBytes;
    }

    public int maxOpenFiles() {
        return maxOpenFiles;
    }

    /** A copy with a wall-clock limit; null removes it. */
    public RunLimits withTimeout(Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("the timeout must be positive, not " + value);
        }
        return new RunLimits(value, maxMemoryPages, maxStdoutBytes, maxStderrBytes, maxOpenFiles);
    }

    /** A copy with a memory cap in pages, from 1 to {@link #MAX_PAGES}. */
    public RunLimits withMaxMemoryPages(int pages) {
        if (pages < 1 || pages > MAX_PAGES) {
            throw new IllegalArgumentException("the memory cap must be 1 to " + MAX_PAGES + " pages, not " + pages);
        }
        return new RunLimits(timeout, pages, maxStdoutBytes, maxStderrBytes, maxOpenFiles);
    }

    /** A copy with a memory cap in bytes, rounded down to whole pages (at least one). */
    public RunLimits withMaxMemoryBytes(long bytes) {
        if (bytes < PAGE_SIZE) {
            throw new IllegalArgumentException("the memory cap must be at least one page (" + PAGE_SIZE
                    + " bytes), not " + bytes);
        }
        return withMaxMemoryPages((int) Math.min(bytes / PAGE_SIZE, MAX_PAGES));
    }

    /** A copy with the same byte cap on stdout and on stderr (each counted on its own). */
    public RunLimits withMaxOutputBytes(long bytes) {
        return withMaxStdoutBytes(bytes).withMaxStderrBytes(bytes);
    }

    public RunLimits withMaxStdoutBytes(long bytes) {
        return new RunLimits(timeout, maxMemoryPages, requireNotNegative(bytes, "stdout"), maxStderrBytes,
                maxOpenFiles);
    }

    public RunLimits withMaxStderrBytes(long bytes) {
        return new RunLimits(timeout, maxMemoryPages, maxStdoutBytes, requireNotNegative(bytes, "stderr"),
                maxOpenFiles);
    }

    /** A copy with a descriptor limit; stdio and the preopens count, so it must leave room for them. */
    public RunLimits withMaxOpenFiles(int value) {
        if (value < 4) {
            throw new IllegalArgumentException("the open file limit must be at least 4 (stdio and one preopen), not "
                    + value);
        }
        return new RunLimits(timeout, maxMemoryPages, maxStdoutBytes, maxStderrBytes, value);
    }

    private static long requireNotNegative(long bytes, String stream) {
        if (bytes < 0) {
            throw new IllegalArgumentException("the " + stream + " cap must not be negative, not " + bytes);
        }
        return bytes;
    }

    /** "2 s", "1.5 s", "250 ms": a duration as the timeout message writes it. */
    public static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** "16 MiB", "1.5 MiB", "64 KiB": a page count as a size. */
    static String describePages(long pages) {
        long bytes = pages * PAGE_SIZE;
        if (bytes < 1 << 20) {
            return (bytes >> 10) + " KiB";
        }
        // A page is 1/16 MiB, so the quotient is exact.
        return java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(1 << 20))
                .stripTrailingZeros().toPlainString() + " MiB";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunLimits other && Objects.equals(timeout, other.timeout)
                && maxMemoryPages == other.maxMemoryPages && maxStdoutBytes == other.maxStdoutBytes
                && maxStderrBytes == other.maxStderrBytes && maxOpenFiles == other.maxOpenFiles;
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeout, maxMemoryPages, maxStdoutBytes, maxStderrBytes, maxOpenFiles);
    }

    @Override
    public String toString() {
        return "RunLimits[timeout=" + (timeout == null ? "none" : describe(timeout))
                + ", memory=" + maxMemoryPages + " pages"
                + ", stdout=" + (maxStdoutBytes == Long.MAX_VALUE ? "unlimited" : maxStdoutBytes + " bytes")
                + ", stderr=" + (maxStderrBytes == Long.MAX_VALUE ? "unlimited" : maxStderrBytes + " bytes")
                + ", openFiles=" + maxOpenFiles + "]";
    }
}
