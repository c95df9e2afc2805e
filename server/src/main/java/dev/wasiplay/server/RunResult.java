package dev.wasiplay.server;

/** The JSON answer of {@code POST /api/run}. */
public record RunResult(String stdout, String stderr, int exitCode, long durationMs) {}
