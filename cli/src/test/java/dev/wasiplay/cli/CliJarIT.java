package dev.wasiplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as ./wasiplay run starts it: a process of its own, with real pipes for stdio. */
class CliJarIT {
    private static final Path JAR = Path.of(System.getProperty("wasiplay.cli.jar", "target/wasiplay-cli.jar"));

    @TempDir
    static Path work;

    @BeforeAll
    static void buildGuest() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "the shaded jar is built at package: " + JAR);
        Guests.c(work, "echo.wasm", Guests.ECHO);
        Guests.c(work, "writer.wasm", """
                #include <stdio.h>
                int main(int argc, char **argv) {
                    FILE *f = fopen(argv[1], "w");
                    if (!f) { perror(argv[1]); return 1; }
                    fputs("written through the jar\\n", f);
                    return fclose(f);
                }
                """);
    }

    private record Ran(int exitCode, String stdout, String stderr) {}

    private static Ran java(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(work.toFile()).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the jar did not finish");
        return new Ran(process.exitValue(), new String(out.get(), StandardCharsets.UTF_8),
                new String(err.get(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void stdioAndTheExitCodePassThroughTheProcess() throws Exception {
        Ran ran = java("piped in\n", "run", "--env", "GREETING=hello", "echo.wasm", "arg");

        assertEquals(6, ran.exitCode(), ran.stderr());
        assertEquals("argv: [echo.wasm] [arg]\nGREETING=hello\npiped in\n", ran.stdout());
        assertEquals("to stderr\n", ran.stderr());
    }

    @Test
    void dirChangesReachTheHostAndErrorsAreOneLine() throws Exception {
        Path out = Files.createDirectories(work.resolve("out"));

        Ran ran = java("", "run", "--dir", "out::/out", "writer.wasm", "/out/result.txt");

        assertEquals(0, ran.exitCode(), ran.stderr());
        assertEquals("written through the jar\n", Files.readString(out.resolve("result.txt")));

        Ran unknown = java("", "run", "--no-such-flag", "writer.wasm");
        assertEquals(2, unknown.exitCode());
        assertEquals("wasiplay: unknown option --no-such-flag (see wasiplay run --help)\n", unknown.stderr());
    }
}
