package dev.wasiplay.cli;

import dev.wasiplay.host.parity.EngineRun;
import dev.wasiplay.host.parity.FileChange;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * How a run ended on one engine.
 *
 * @param exitCode the guest's exit code, 134 when the run was stopped
 * @param status   "ok", "timeout", "memory", "output-limit", "trap" or "error" (wasi-host's and the worker's words)
 * @param stdout   everything written to stdout
 * @param stderr   everything written to stderr, with the reason line when the run was stopped
 * @param durationMs the run's wall time on the engine
 * @param tree     the file tree as the run left it; null when the engine could not hand it back (the browser's
 *                 worker terminated at the time limit) or was not asked to
 */
record EngineResult(int exitCode, String status, byte[] stdout, byte[] stderr, long durationMs, VirtualFileSystem tree) {

    /** This result as engine {@code engine} of a parity report; {@code before}: the files the run started with. */
    EngineRun toEngineRun(String engine, Map<String, byte[]> before) {
        List<FileChange> files = tree == null ? List.of() : FileChange.between(before, tree);
        return new EngineRun(engine, exitCode, status, stdoutText(), stderrText(), durationMs, files);
    }

    String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }
}
