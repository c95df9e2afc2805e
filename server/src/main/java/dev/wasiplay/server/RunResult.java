package dev.wasiplay.server;

import java.util.List;

/**
 * The JSON answer of {@code POST /api/run}: the program's output and exit code, the run's wall time, and
 * the files it created, modified or deleted.
 */
public record RunResult(String stdout, String stderr, int exitCode, long durationMs, List<ChangedFile> files) {

    /** At most this many bytes of changed files' contents go into one answer (1 MiB); the rest are listed only. */
    public static final long MAX_FILE_CONTENT_BYTES = 1 << 20;
}
