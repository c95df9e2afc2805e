package dev.wasiplay.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real wasm32-wasi programs for upload tests, compiled from C with Debian's clang and wasi-libc (installed
 * by ./wasiplay test). A missing compiler fails the test: it is part of the test setup, not optional.
 */
final class CGuests {

    private CGuests() {}

    static byte[] compile(String source) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("wasiplay-server-guest");
        try {
            Path src = dir.resolve("guest.c");
            Path out = dir.resolve("guest.wasm");
            Files.writeString(src, source, StandardCharsets.UTF_8);
            Process clang;
            try {
                clang = new ProcessBuilder("clang", "--target=wasm32-wasi", "--sysroot=/usr", "-O1",
                        "-o", out.toString(), src.toString()).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new AssertionError("clang is needed to build the test's wasm32-wasi program: run "
                        + "./wasiplay test, which installs clang, lld and wasi-libc", e);
            }
            String log = new String(clang.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!clang.waitFor(120, TimeUnit.SECONDS) || clang.exitValue() != 0) {
                throw new AssertionError("clang failed: " + log);
            }
            return Files.readAllBytes(out);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Prints its argv, $GREETING, a line of stdin and /input.txt; writes /output.txt; exits with 7. */
    static final String GREETER = """
            #include <stdio.h>
            #include <stdlib.h>

            int main(int argc, char **argv) {
                printf("argv:");
                for (int i = 0; i < argc; i++) printf(" [%s]", argv[i]);
                const char *greeting = getenv("GREETING");
                printf("\\nenv: %s\\n", greeting ? greeting : "(none)");
                char line[100];
                if (fgets(line, sizeof line, stdin)) printf("stdin: %s", line);
                FILE *in = fopen("/input.txt", "r");
                if (in && fgets(line, sizeof line, in)) printf("input: %s\\n", line);
                FILE *out = fopen("/output.txt", "w");
                if (!out) return 1;
                fputs("written by C\\n", out);
                fclose(out);
                return 7;
            }
            """;

    static List<String> greeterOutputLines(String argv0, String arg, String greeting, String stdinLine, String input) {
        return List.of("argv: [" + argv0 + "] [" + arg + "]", "env: " + greeting, "stdin: " + stdinLine,
                "input: " + input);
    }
}
