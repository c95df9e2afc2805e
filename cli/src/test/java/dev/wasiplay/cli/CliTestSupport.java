package dev.wasiplay.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@code wasiplay} in this JVM, as Main does, with captured stdio. */
final class CliTestSupport {
    private CliTestSupport() {}

    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    static Result wasiplay(Path cwd, String stdin, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = new RunCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), false, out, err,
                env, cwd).run(args);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result wasiplay(Path cwd, String... args) {
        return wasiplay(cwd, "", Map.of(), args);
    }
}
