package dev.wasiplay.cli;

import static dev.wasiplay.cli.CliTestSupport.wasiplay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasiplay.cli.CliTestSupport.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wasiplay run} on the default engine (Chicory), in-process, with real guests. */
class ChicoryCliTest {

    private static final String MEMORY_BOMB = """
            #include <stdlib.h>
            #include <string.h>
            char *volatile last;
            int main(void) {
                for (int i = 0;; i++) {
                    char *block = malloc(1 << 20);
                    if (!block) return 1;
                    memset(block, i, 1 << 20);
                    last = block;
                }
            }
            """;

    @TempDir
    static Path guests;
    private static Path echo;
    private static Path dirGuest;

    @TempDir
    Path work;

    @BeforeAll
    static void buildGuests() throws Exception {
        echo = Guests.c(guests, "echo.wasm", Guests.ECHO);
        dirGuest = Guests.c(guests, "dirs.wasm", Guests.DIR_GUEST);
    }

    @Test
    void argsStdinStdoutStderrAndTheExitCodePassThrough() {
        Result run = wasiplay(guests, "line one\nline two\n", Map.of(), "run", "echo.wasm", "a", "two words");

        assertEquals(7, run.exitCode(), run::toString);
        assertEquals("argv: [echo.wasm] [a] [two words]\nGREETING=(unset)\nline one\nline two\n", run.stdout());
        assertEquals("to stderr\n", run.stderr());
    }

    @Test
    void optionsEndAtTheModuleSoGuestFlagsPassThrough() {
        Result run = wasiplay(guests, "", Map.of(), "run", echo.toString(), "--env", "X=1", "--", "-h");

        assertEquals(9, run.exitCode(), run::toString);
        assertTrue(run.stdout().startsWith("argv: [" + echo + "] [--env] [X=1] [--] [-h]\n"), run::toString);
    }

    @Test
    void envSetsAVariableOrPassesOnTheHostsOwn() {
        Result set = wasiplay(guests, "", Map.of(), "run", "--env", "GREETING=hi there", "echo.wasm");
        assertTrue(set.stdout().contains("GREETING=hi there\n"), set::toString);

        Result inherited = wasiplay(guests, "", Map.of("GREETING", "from the host"), "run", "--env=GREETING", "echo.wasm");
        assertTrue(inherited.stdout().contains("GREETING=from the host\n"), inherited::toString);

        Result absent = wasiplay(guests, "", Map.of(), "run", "--env", "GREETING", "echo.wasm");
        assertTrue(absent.stdout().contains("GREETING=(unset)\n"), absent::toString);
    }

    @Test
    void dirIsReadAndTheGuestsChangesAreWrittenBack() throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        Files.writeString(data.resolve("in.txt"), "hello from the host\n");
        Files.writeString(data.resolve("change.txt"), "original\n");
        Files.writeString(data.resolve("old.txt"), "doomed\n");
        Files.writeString(data.resolve("keep.txt"), "untouched\n");
        Files.createDirectories(data.resolve("gone"));
        Files.writeString(data.resolve("gone/inner.txt"), "also doomed\n");
        FileTime longAgo = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(data.resolve("keep.txt"), longAgo);

        Result run = wasiplay(work, "run", "--dir", "data::/data", dirGuest.toString(), "/data");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("in.txt says: hello from the host\n", run.stdout());
        assertEquals("changed by the guest\n", Files.readString(data.resolve("change.txt")));
        assertEquals("new\n", Files.readString(data.resolve("made/new.txt")));
        assertFalse(Files.exists(data.resolve("old.txt")));
        assertFalse(Files.exists(data.resolve("gone")));
        assertEquals("untouched\n", Files.readString(data.resolve("keep.txt")));
        assertEquals(longAgo, Files.getLastModifiedTime(data.resolve("keep.txt")), "an untouched file was rewritten");
    }

    @Test
    void dirWithoutAGuestPathIsPreopenedAsWrittenLikeWasmtime() throws Exception {
        Files.writeString(work.resolve("in.txt"), "relative\n");
        Files.writeString(work.resolve("change.txt"), "x\n");
        Files.writeString(work.resolve("old.txt"), "x\n");
        Files.createDirectories(work.resolve("gone"));
        Files.writeString(work.resolve("gone/inner.txt"), "x\n");

        // --dir . preopens "." in the guest: wasi-libc resolves the relative paths against it.
        Result run = wasiplay(work, "run", "--dir", ".", dirGuest.toString(), ".");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("in.txt says: relative\n", run.stdout());
        assertEquals("new\n", Files.readString(work.resolve("made/new.txt")));
        assertFalse(Files.exists(work.resolve("gone")));
    }

    @Test
    void theGuestSeesOnlyTheMappedDirectories() throws Exception {
        Files.writeString(work.resolve("in.txt"), "x\n");
        Path cat = Guests.c(work, "cat.wasm", """
                #include <errno.h>
                #include <stdio.h>
                #include <string.h>
                int main(int argc, char **argv) {
                    FILE *f = fopen(argv[1], "r");
                    printf("%s: %s\\n", argv[1], f ? "opened" : strerror(errno));
                    return 0;
                }
                """);

        // Without --dir the guest has an empty in-memory "/" (as the browser worker gives it), nothing of the host.
        assertEquals("/in.txt: No such file or directory\n", wasiplay(work, "run", cat.toString(), "/in.txt").stdout());
        assertEquals("/in.txt: Capabilities insufficient\n",
                wasiplay(work, "run", "--dir", ".::/w", cat.toString(), "/in.txt").stdout());
        assertEquals("/w/in.txt: opened\n", wasiplay(work, "run", "--dir", ".::/w", cat.toString(), "/w/in.txt").stdout());
    }

    @Test
    void timeoutStopsTheRunWithExitCode134() throws Exception {
        Path spin = Guests.wat(work, "spin.wasm", Guests.SPIN);

        long started = System.nanoTime();
        Result run = wasiplay(work, "run", "--timeout", "0.5", spin.toString());

        assertEquals(134, run.exitCode(), run::toString);
        assertEquals("time limit exceeded: the run was stopped after 500 ms\n", run.stderr());
        assertTrue(System.nanoTime() - started < 20_000_000_000L);
        assertEquals(134, wasiplay(work, "run", "-W", "timeout=300ms", spin.toString()).exitCode());
    }

    @Test
    void maxMemorySizeStopsAMemoryBomb() throws Exception {
        Path bomb = Guests.c(work, "bomb.wasm", MEMORY_BOMB);

        Result run = wasiplay(work, "run", "-W", "max-memory-size=16777216", bomb.toString());

        assertEquals(134, run.exitCode(), run::toString);
        assertTrue(run.stderr().startsWith("memory limit exceeded: the guest tried to grow its memory to "), run::toString);
        assertTrue(run.stderr().endsWith("past the limit of 256 pages (16 MiB)\n"), run::toString);
    }

    @Test
    void anInvalidModuleGetsOneLineNamingTheProblem() throws Exception {
        Files.writeString(work.resolve("text.wasm"), "#!/bin/sh\necho not wasm\n");
        Guests.wat(work, "library.wasm", "(module (memory (export \"memory\") 1) (func (export \"helper\")))");
        Guests.wat(work, "imports.wasm", """
                (module
                  (import "env" "print" (func (param i32)))
                  (memory (export "memory") 1)
                  (func (export "_start")))
                """);

        assertOneLineFailure(wasiplay(work, "run", "text.wasm"),
                "wasiplay: text.wasm: not a wasm module: bad magic bytes (expected \\0asm)\n");
        assertOneLineFailure(wasiplay(work, "run", "library.wasm"),
                "wasiplay: library.wasm: no exported function _start: not a WASI command module\n");
        assertOneLineFailure(wasiplay(work, "run", "imports.wasm"),
                "wasiplay: imports.wasm: import env.print: only wasi_snapshot_preview1 can be imported\n");
    }

    private static void assertOneLineFailure(Result run, String stderr) {
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(stderr, run.stderr());
        assertEquals("", run.stdout());
    }

    @Test
    void aBadCommandLineGetsOneLineAndExitCode2() throws Exception {
        assertUsage(wasiplay(guests, "run", "--frobnicate", "echo.wasm"),
                "wasiplay: unknown option --frobnicate (see wasiplay run --help)\n");
        assertUsage(wasiplay(guests, "run"), "wasiplay: no module given: wasiplay run [OPTIONS] MODULE [ARGS...] (see --help)\n");
        assertUsage(wasiplay(guests, "run", "missing.wasm"),
                "wasiplay: no such module: missing.wasm is neither a file nor a bundled runtime (python)\n");
        assertUsage(wasiplay(guests, "run", "--dir", "nowhere", "echo.wasm"),
                "wasiplay: --dir nowhere: nowhere does not exist\n");
        assertUsage(wasiplay(guests, "run", "--engine", "wasmer", "echo.wasm"),
                "wasiplay: --engine must be chicory, browser or both, not \"wasmer\"\n");
        assertUsage(wasiplay(guests, "run", "--timeout", "soon", "echo.wasm"),
                "wasiplay: --timeout must be a positive duration in seconds (2, 1.5, 500ms, 2m), not \"soon\"\n");
        assertUsage(wasiplay(guests, "run", "--env"), "wasiplay: --env needs a value\n");
    }

    private static void assertUsage(Result run, String stderr) {
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(stderr, run.stderr());
    }

    @Test
    void helpPrintsTheUsage() {
        Result run = wasiplay(guests, "run", "--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.stdout().startsWith("usage: wasiplay run [OPTIONS] MODULE [ARGS...]\n"), run::toString);
    }

    @Test
    void pythonIsABundledModuleName() {
        Result run = wasiplay(guests, "print me\n", Map.of(), "run", "python", "-c",
                "import sys; print(sys.argv, sys.stdin.read().upper(), end=''); sys.exit(5)");

        assertEquals(5, run.exitCode(), run::toString);
        assertEquals("['-c'] PRINT ME\n", run.stdout());
    }
}
