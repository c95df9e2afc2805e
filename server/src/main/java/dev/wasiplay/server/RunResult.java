package dev.wasiplay.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The JSON answer of {@code POST /api/run}: the program's output and exit code, the run's wall time, how the run
 * ended, and the files it created, modified or deleted.
 *
 * @param status  "ok" (the program ended by itself, whatever its exit code), "timeout", "memory", "output-limit",
 *                "trap" or "error"
 * @param message one line: "exited with code 0", or why the run was stopped (also the last line of stderr then)
 * @param files   the files the run created, modified or deleted
 * @param deterministic {@code {"seed": N}} when the run was in deterministic mode; left out otherwise
 */
public record RunResult(String stdout, String stderr, int exitCode, long durationMs, String status, String message,
        List<ChangedFile> files, @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Long> deterministic) {

    /** At most this many bytes of changed files' contents go into one answer (1 MiB); the rest are listed only. */
    public static final long MAX_FILE_CONTENT_BYTES = 1 << 20;
}
