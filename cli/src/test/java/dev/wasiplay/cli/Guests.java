package dev.wasiplay.cli;

import com.dylibso.chicory.wabt.Wat2Wasm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test guests written to .wasm files: C through Debian's clang and wasi-libc, or WAT through Chicory's wat2wasm. */
final class Guests {
    private Guests() {}

    /** Writes the WAT module, compiled, to {@code dir/name}. */
    static Path wat(Path dir, String name, String source) throws IOException {
        return Files.write(dir.resolve(name), Wat2Wasm.parse(source));
    }

    /**
     * Compiles a C program for wasm32-wasi into {@code dir/name}. Fails (never skips) without clang: install
     * clang lld wasi-libc libclang-rt-14-dev-wasm32 (./wasiplay test does).
     */
    static Path c(Path dir, String name, String source) throws IOException, InterruptedException {
        Path src = Files.createTempFile("guest", ".c");
        Path out = dir.resolve(name);
        try {
            Files.writeString(src, source, StandardCharsets.UTF_8);
            List<String> command = List.of("clang", "--target=wasm32-wasi", "--sysroot=/usr", "-O1",
                    "-o", out.toString(), src.toString());
            Process clang;
            try {
                clang = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new AssertionError("clang is required to build the C test guests"
                        + " (Debian: apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32)", e);
            }
            String log = new String(clang.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!clang.waitFor(120, TimeUnit.SECONDS) || clang.exitValue() != 0) {
                throw new AssertionError("clang failed: " + String.join(" ", command) + "\n" + log);
            }
            return out;
        } finally {
            Files.deleteIfExists(src);
        }
    }

    /** Prints argv and $GREETING, copies stdin to stdout, writes "to stderr" to stderr, exits with argc + 4. */
    static final String ECHO = """
            #include <stdio.h>
            #include <stdlib.h>

            int main(int argc, char **argv) {
                printf("argv:");
                for (int i = 0; i < argc; i++) printf(" [%s]", argv[i]);
                const char *greeting = getenv("GREETING");
                printf("\\nGREETING=%s\\n", greeting ? greeting : "(unset)");
                int c;
                while ((c = getchar()) != EOF) putchar(c);
                fputs("to stderr\\n", stderr);
                return argc + 4;
            }
            """;

    /** Spins until stopped. */
    static final String SPIN = """
            (module
              (memory (export "memory") 1)
              (func (export "_start") (loop $spin (br $spin))))
            """;

    /** Traps at once: engines word the trap differently, so --engine both reports a difference. */
    static final String TRAP = """
            (module
              (memory (export "memory") 1)
              (func (export "_start") unreachable))
            """;
}
