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

    /** Given a directory D: reads D/in.txt, rewrites D/change.txt, creates D/made/new.txt, deletes D/old.txt and D/gone/. */
    static final String DIR_GUEST = """
            #include <stdio.h>
            #include <sys/stat.h>
            #include <unistd.h>

            int main(int argc, char **argv) {
                char path[512], line[128] = "";
                const char *base = argv[1];
                snprintf(path, sizeof path, "%s/in.txt", base);
                FILE *in = fopen(path, "r");
                if (!in) { perror(path); return 10; }
                fgets(line, sizeof line, in);
                fclose(in);
                printf("in.txt says: %s", line);

                snprintf(path, sizeof path, "%s/change.txt", base);
                FILE *change = fopen(path, "w");
                if (!change) { perror(path); return 11; }
                fputs("changed by the guest\\n", change);
                fclose(change);

                snprintf(path, sizeof path, "%s/made", base);
                if (mkdir(path, 0755) != 0) { perror(path); return 12; }
                snprintf(path, sizeof path, "%s/made/new.txt", base);
                FILE *made = fopen(path, "w");
                if (!made) { perror(path); return 13; }
                fputs("new\\n", made);
                fclose(made);

                snprintf(path, sizeof path, "%s/old.txt", base);
                if (unlink(path) != 0) { perror(path); return 14; }
                snprintf(path, sizeof path, "%s/gone/inner.txt", base);
                if (unlink(path) != 0) { perror(path); return 15; }
                snprintf(path, sizeof path, "%s/gone", base);
                if (rmdir(path) != 0) { perror(path); return 16; }
                return 0;
            }
            """;

    /** Writes 16 random bytes (random_get) to ARGV[1]: each engine's own, so the trees after the run differ. */
    static final String RANDOM_FILE = """
            #include <stdio.h>
            #include <sys/random.h>
            #include <unistd.h>
            int main(int argc, char **argv) {
                unsigned char bytes[16];
                if (getentropy(bytes, sizeof bytes) != 0) return 10;
                FILE *out = fopen(argv[1], "w");
                if (!out) { perror(argv[1]); return 11; }
                fwrite(bytes, 1, sizeof bytes, out);
                return fclose(out);
            }
            """;
}
