package dev.wasiplay.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link GuestModule#compiled()}: uploaded modules and the CLI's run as JVM bytecode, with the same results. */
class CompiledModuleTest {
    /** CPU work, output, a file, stdin, exit code and a trap path: what a compiled run must reproduce exactly. */
    private static final String PROGRAM = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            static unsigned long long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
            int main(int argc, char **argv) {
                if (argc > 1 && strcmp(argv[1], "trap") == 0) {
                    __builtin_trap();
                }
                int primes = 0;
                for (int n = 2; n < 20000; n++) {
                    int prime = 1;
                    for (int d = 2; d * d <= n; d++) if (n % d == 0) { prime = 0; break; }
                    primes += prime;
                }
                char line[64] = {0};
                fgets(line, sizeof line, stdin);
                FILE *out = fopen("/out.txt", "w");
                fprintf(out, "fib(25)=%llu primes=%d stdin=%s", fib(25), primes, line);
                fclose(out);
                printf("primes below 20000: %d\\n", primes);
                fprintf(stderr, "done\\n");
                return 7;
            }
            """;

    private static GuestModule parsed;

    @BeforeAll
    static void build() {
        parsed = TestGuests.c(PROGRAM);
    }

    @Test
    void aCompiledModuleGivesExactlyTheInterpretersResults() {
        GuestModule compiled = parsed.compiled();
        assertTrue(compiled.isCompiled());
        assertFalse(parsed.isCompiled(), "compiled() leaves the parsed module as it was");
        assertSame(compiled, compiled.compiled(), "compiling twice is a no-op");

        RunOutcome interpreted = ChicoryHost.run(parsed, spec("prog"));
        RunOutcome fast = ChicoryHost.run(compiled, spec("prog"));
        assertEquals(7, interpreted.exitCode(), interpreted.stderrText());
        assertEquals("primes below 20000: 2262\n", interpreted.stdoutText());
        assertEquals(interpreted.exitCode(), fast.exitCode());
        assertArrayEquals(interpreted.stdout(), fast.stdout());
        assertArrayEquals(interpreted.stderr(), fast.stderr());
        assertArrayEquals(interpreted.fileSystem().files().get("out.txt").content(),
                fast.fileSystem().files().get("out.txt").content());
        assertEquals("fib(25)=75025 primes=2262 stdin=hello", new String(
                fast.fileSystem().files().get("out.txt").content(), StandardCharsets.UTF_8));
    }

    @Test
    void aTrapInCompiledCodeEndsTheRunAsATrap() {
        RunOutcome outcome = ChicoryHost.run(parsed.compiled(), spec("prog", "trap"));
        assertEquals(RunStatus.TRAP, outcome.status(), outcome.stderrText());
        assertEquals(RunStatus.TRAP, ChicoryHost.run(parsed, spec("prog", "trap")).status());
        assertEquals(ChicoryHost.TRAP_EXIT_CODE, outcome.exitCode());
        assertTrue(outcome.message().startsWith("wasm trap: "), outcome.message());
    }

    @Test
    void endlessRecursionInCompiledCodeIsATrapNotACrash() {
        // C recursion runs out of its shadow stack in linear memory first: an out-of-bounds trap, as in a browser.
        GuestModule c = TestGuests.c("""
                int down(volatile int n) { return n == -1 ? 0 : 1 + down(n + 1); }
                int main(void) { return down(0); }
                """).compiled();
        RunOutcome shadow = ChicoryHost.run(c, RunSpec.builder().argv(List.of("deep")).build());
        assertEquals(RunStatus.TRAP, shadow.status(), shadow.stderrText());
        assertTrue(shadow.message().startsWith("wasm trap: out of bounds memory access"), shadow.message());
        // Recursion without a frame in memory exhausts the JVM's stack: still a trap, and the JVM carries on.
        GuestModule wat = TestGuests.wat("""
                (module
                  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
                  (memory (export "memory") 1)
                  (func $down (param i32) (result i32) (i32.add (i32.const 1) (call $down (local.get 0))))
                  (func (export "_start") (call $exit (call $down (i32.const 0)))))
                """).compiled();
        assertTrue(wat.isCompiled());
        RunOutcome jvm = ChicoryHost.run(wat, RunSpec.builder().argv(List.of("deep")).build());
        assertEquals(RunStatus.TRAP, jvm.status(), jvm.stderrText());
        assertEquals("wasm trap: call stack exhausted", jvm.message());
    }

    @Test
    void limitsHoldInCompiledCode() {
        GuestModule spin = TestGuests.c("int main(void) { volatile unsigned n = 0; for (;;) n++; }").compiled();
        assertTrue(spin.isCompiled());
        RunOutcome outcome = ChicoryHost.run(spin, RunSpec.builder().argv(List.of("spin"))
                .limits(RunLimits.NONE.withTimeout(java.time.Duration.ofMillis(500))).build());
        assertEquals(RunStatus.TIMEOUT, outcome.status());
    }

    @Test
    void modulesOverTheLimitStayOnTheInterpreter() {
        byte[] small = TestGuests.wasmFromWat("""
                (module
                  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
                  (memory (export "memory") 1)
                  (func (export "_start") (call $exit (i32.const 3))))
                """);
        GuestModule big = GuestModule.load(withCustomSection(small, GuestModule.COMPILE_LIMIT_BYTES));
        assertSame(big, big.compiled());
        assertFalse(big.isCompiled());
        assertEquals(3, ChicoryHost.run(big, RunSpec.builder().argv(List.of("big")).build()).exitCode());
        assertTrue(GuestModule.load(small).compiled().isCompiled());
    }

    /** {@code wasm} with a custom section "pad" of {@code padding} zero bytes appended: larger, same code. */
    private static byte[] withCustomSection(byte[] wasm, int padding) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(wasm);
        out.write(0); // custom section
        int size = 1 + 3 + padding; // name length, "pad", payload
        do {
            int b = size & 0x7F;
            size >>>= 7;
            out.write(size != 0 ? b | 0x80 : b);
        } while (size != 0);
        out.write(3);
        out.writeBytes("pad".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[padding]);
        return out.toByteArray();
    }

    private static RunSpec spec(String... argv) {
        return RunSpec.builder().argv(List.of(argv)).stdin("hello".getBytes(StandardCharsets.UTF_8)).build();
    }
}
