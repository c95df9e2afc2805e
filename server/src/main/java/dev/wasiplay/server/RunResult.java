package dev.wasiplay.server;

/**
 * The JSON answer of {@code POST /api/run}.
 *
 * @param status  "ok" (the program ended by itself, whatever its exit code), "timeout", "memory", "output-limit",
 *                "trap" or "error"
 * @param message one line: "exited with code 0", or why the run was stopped (also the last line of stderr then)
 */
public record RunResult(String stdout, String stderr, int exitCode, long durationMs, String status, String message) {}
