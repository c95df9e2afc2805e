package dev.wasiplay.host.parity;

import dev.wasiplay.host.RunOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One engine's side of a parity report: how its run of the shared inputs ended.
 *
 * @param engine     the engine's name: "browser", "server" (the page and the server), "chicory" (the CLI)
 * @param exitCode   the guest's exit code, 134 when the run was stopped
 * @param status     "ok", "timeout", "memory", "output-limit", "trap" or "error"
 * @param stdout     stdout as UTF-8 text
 * @param stderr     stderr as UTF-8 text (with the reason line when the run was stopped)
 * @param durationMs the run's wall time on that engine (reported, never compared)
 * @param files      the regular files the run created, modified or deleted, in path order
 */
public record EngineRun(String engine, int exitCode, String status, String stdout, String stderr, long durationMs,
        List<FileChange> files) {

    public EngineRun {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        files = List.copyOf(files);
        for (int i = 1; i < files.size(); i++) {
            if (files.get(i - 1).path().compareTo(files.get(i).path()) >= 0) {
                throw new IllegalArgumentException("files must be in path order, each path once");
            }
        }
    }

    /** A wasi-host outcome as engine {@code engine}; {@code before} is what the run's tree started with. */
    public static EngineRun of(String engine, RunOutcome outcome, Map<String, byte[]> before) {
        return new EngineRun(engine, outcome.exitCode(), outcome.status().label(), outcome.stdoutText(),
                outcome.stderrText(), outcome.durationMs(), FileChange.between(before, outcome.fileSystem()));
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("engine", engine);
        json.put("exitCode", exitCode);
        json.put("status", status);
        json.put("durationMs", durationMs);
        json.put("stdout", stdout);
        json.put("stderr", stderr);
        List<Object> fileList = new ArrayList<>();
        for (FileChange file : files) {
            fileList.add(file.toJson());
        }
        json.put("files", fileList);
        return json;
    }
}
