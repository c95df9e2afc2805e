package dev.wasiplay.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The polyfill on Chicory at the raw ABI level, with hand-written WAT guests. */
class WatGuestTest {

    private static final String IMPORTS = """
            (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
            (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
            """;

    /** fd_write(fd, memory[ptr..ptr+len)) using the iovec at 16; traps unless it succeeds. */
    private static final String WRITE_HELPER = """
            (func $write (param $fd i32) (param $ptr i32) (param $len i32)
              (i32.store (i32.const 16) (local.get $ptr))
              (i32.store (i32.const 20) (local.get $len))
              (if (call $fd_write (local.get $fd) (i32.const 16) (i32.const 1) (i32.const 24))
                (then unreachable)))
            """;

    private static RunOutcome run(GuestModule guest, String... argv) {
        return ChicoryHost.run(guest, RunSpec.builder().argv(List.of(argv)).build());
    }

    /** Copies the args or environ buffer to stdout and the pointer array to stderr; exits with the count. */
    private static GuestModule stringsGuest(String kind) {
        return TestGuests.wat("""
                (module
                  (import "wasi_snapshot_preview1" "%1$s_sizes_get" (func $sizes (param i32 i32) (result i32)))
                  (import "wasi_snapshot_preview1" "%1$s_get" (func $get (param i32 i32) (result i32)))
                  %2$s
                  (memory (export "memory") 1)
                  %3$s
                  (func (export "_start")
                    ;; count at 0, buffer size at 4, pointers at 1024, strings at 2048
                    (if (call $sizes (i32.const 0) (i32.const 4)) (then unreachable))
                    (if (call $get (i32.const 1024) (i32.const 2048)) (then unreachable))
                    (call $write (i32.const 1) (i32.const 2048) (i32.load (i32.const 4)))
                    (call $write (i32.const 2) (i32.const 1024) (i32.mul (i32.load (i32.const 0)) (i32.const 4)))
                    (call $proc_exit (i32.load (i32.const 0)))))
                """.formatted(kind, IMPORTS, WRITE_HELPER));
    }

    private static int[] ints(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int[] out = new int[bytes.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = buffer.getInt();
        }
        return out;
    }

    @Test
    void argsRoundTripThroughGuestMemory() {
        RunOutcome outcome = run(stringsGuest("args"), "prog", "two words", "ünïcode");

        assertEquals(3, outcome.exitCode());
        assertEquals("prog\0two words\0ünïcode\0", outcome.stdoutText());
        int[] pointers = ints(outcome.stderr());
        assertArrayEquals(new int[] {2048, 2048 + 5, 2048 + 15}, pointers);
    }

    @Test
    void environmentRoundTripsInOrder() {
        RunOutcome outcome = ChicoryHost.run(stringsGuest("environ"), RunSpec.builder()
                .argv(List.of("prog"))
                .env("HOME", "/")
                .env("GREETING", "hello = world")
                .build());

        assertEquals(2, outcome.exitCode());
        assertEquals("HOME=/\0GREETING=hello = world\0", outcome.stdoutText());
        assertArrayEquals(new int[] {2048, 2048 + 7}, ints(outcome.stderr()));
    }

    @Test
    void fdWriteWritesTheFirstNonEmptyIovecToStdoutAndStderrAndStreamsThem() {
        GuestModule guest = TestGuests.wat("""
                (module
                  %s
                  (memory (export "memory") 1)
                  (data (i32.const 100) "ou")
                  (data (i32.const 200) "t\\n")
                  (data (i32.const 300) "err\\n")
                  (func (export "_start")
                    ;; two iovecs for stdout: "ou" + "t\\n"; like wasmtime, one call writes the first only
                    (i32.store (i32.const 0) (i32.const 100))
                    (i32.store (i32.const 4) (i32.const 2))
                    (i32.store (i32.const 8) (i32.const 200))
                    (i32.store (i32.const 12) (i32.const 2))
                    (if (call $fd_write (i32.const 1) (i32.const 0) (i32.const 2) (i32.const 40)) (then unreachable))
                    (if (i32.ne (i32.load (i32.const 40)) (i32.const 2)) (then unreachable))
                    ;; the rest, as libc would send it
                    (if (call $fd_write (i32.const 1) (i32.const 8) (i32.const 1) (i32.const 40)) (then unreachable))
                    (if (i32.ne (i32.load (i32.const 40)) (i32.const 2)) (then unreachable))
                    (i32.store (i32.const 0) (i32.const 300))
                    (i32.store (i32.const 4) (i32.const 4))
                    (if (call $fd_write (i32.const 2) (i32.const 0) (i32.const 1) (i32.const 40)) (then unreachable))))
                """.formatted(IMPORTS));
        ByteArrayOutputStream streamedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream streamedErr = new ByteArrayOutputStream();

        RunOutcome outcome = ChicoryHost.run(guest, RunSpec.builder()
                .argv(List.of("prog"))
                .stdout(streamedOut::write)
                .stderr(streamedErr::write)
                .build());

        assertEquals(0, outcome.exitCode(), outcome.stderrText());
        assertEquals("out\n", outcome.stdoutText());
        assertEquals("err\n", outcome.stderrText());
        assertEquals("out\n", streamedOut.toString(StandardCharsets.UTF_8));
        assertEquals("err\n", streamedErr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void clocksReadTheHostTime() {
        GuestModule guest = TestGuests.wat("""
                (module
                  (import "wasi_snapshot_preview1" "clock_time_get" (func $time (param i32 i64 i32) (result i32)))
                  (import "wasi_snapshot_preview1" "clock_res_get" (func $res (param i32 i32) (result i32)))
                  %s
                  (memory (export "memory") 1)
                  %s
                  (func (export "_start")
                    (if (call $time (i32.const 0) (i64.const 1) (i32.const 1000)) (then unreachable))
                    (if (call $time (i32.const 1) (i64.const 1) (i32.const 1008)) (then unreachable))
                    (if (call $time (i32.const 1) (i64.const 1) (i32.const 1016)) (then unreachable))
                    (if (call $res (i32.const 1) (i32.const 1024)) (then unreachable))
                    (call $write (i32.const 1) (i32.const 1000) (i32.const 32))))
                """.formatted(IMPORTS, WRITE_HELPER));

        long before = System.currentTimeMillis();
        RunOutcome outcome = run(guest, "prog");
        long after = System.currentTimeMillis();

        assertEquals(0, outcome.exitCode(), outcome.stderrText());
        ByteBuffer out = ByteBuffer.wrap(outcome.stdout()).order(ByteOrder.LITTLE_ENDIAN);
        long realtimeMs = out.getLong() / 1_000_000L;
        long monotonic1 = out.getLong();
        long monotonic2 = out.getLong();
        long resolution = out.getLong();
        assertTrue(realtimeMs >= before - 1 && realtimeMs <= after + 1, "realtime " + realtimeMs);
        assertTrue(monotonic2 >= monotonic1, monotonic1 + " then " + monotonic2);
        assertTrue(resolution > 0, "resolution " + resolution);
    }

    @Test
    void randomGetFillsBuffersWithFreshBytes() {
        GuestModule guest = TestGuests.wat("""
                (module
                  (import "wasi_snapshot_preview1" "random_get" (func $random (param i32 i32) (result i32)))
                  %s
                  (memory (export "memory") 1)
                  %s
                  (func (export "_start")
                    (if (call $random (i32.const 1000) (i32.const 32)) (then unreachable))
                    (if (call $random (i32.const 1032) (i32.const 32)) (then unreachable))
                    (call $write (i32.const 1) (i32.const 1000) (i32.const 64))))
                """.formatted(IMPORTS, WRITE_HELPER));

        byte[] first = run(guest, "prog").stdout();
        byte[] second = run(guest, "prog").stdout();

        assertEquals(64, first.length);
        byte[] a = Arrays.copyOfRange(first, 0, 32);
        byte[] b = Arrays.copyOfRange(first, 32, 64);
        assertFalse(Arrays.equals(a, new byte[32]), "all zero");
        assertFalse(Arrays.equals(a, b), "two calls gave the same bytes");
        assertFalse(Arrays.equals(first, second), "two runs gave the same bytes");
    }

    @Test
    void procExitEndsTheRunWithItsCode() {
        GuestModule guest = TestGuests.wat("""
                (module
                  %s
                  (memory (export "memory") 1)
                  (data (i32.const 100) "after exit")
                  %s
                  (func (export "_start")
                    (call $proc_exit (i32.const 42))
                    (call $write (i32.const 1) (i32.const 100) (i32.const 10))))
                """.formatted(IMPORTS, WRITE_HELPER));

        RunOutcome outcome = run(guest, "prog");

        assertEquals(42, outcome.exitCode());
        assertEquals("", outcome.stdoutText());
        assertEquals("", outcome.stderrText());
    }

    @Test
    void returningFromStartIsExitCodeZero() {
        RunOutcome outcome = run(TestGuests.wat("""
                (module (memory (export "memory") 1) (func (export "_start")))
                """), "prog");

        assertEquals(0, outcome.exitCode());
        assertTrue(outcome.durationMs() >= 0);
    }

    /** A guest whose _start prints "before\n" and then makes {@code call}; its result is dropped. */
    private static GuestModule badPointerGuest(String call) {
        return TestGuests.wat("""
                (module
                  (import "wasi_snapshot_preview1" "random_get" (func $random (param i32 i32) (result i32)))
                  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes (param i32 i32) (result i32)))
                  %s
                  (memory (export "memory") 1)
                  (data (i32.const 100) "before\\n")
                  (func (export "_start")
                    (i32.store (i32.const 0) (i32.const 100))
                    (i32.store (i32.const 4) (i32.const 7))
                    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 40)))
                    (drop %s)))
                """.formatted(IMPORTS, call));
    }

    @Test
    void badPointersTrapLikeWasmtimeNotAHostException() {
        String[][] cases = {
            // an iovec array far outside the 64 KiB memory
            {"(call $fd_write (i32.const 1) (i32.const 0x7ffffff0) (i32.const 1) (i32.const 40))",
                "fd_write: pointer 0x7ffffff0 (+8 bytes) is outside guest memory (65536 bytes)"},
            // a result pointer at a "negative" (>= 2 GiB) address
            {"(call $args_sizes (i32.const 0xfffffff0) (i32.const 8))",
                "args_sizes_get: pointer 0xfffffff0 (+4 bytes) is outside guest memory (65536 bytes)"},
            // random_get over the end of memory
            {"(call $random (i32.const 65535) (i32.const 2))",
                "random_get: pointer 0xffff (+2 bytes) is outside guest memory (65536 bytes)"},
            // a u32 result at an address that is not 4-aligned
            {"(call $args_sizes (i32.const 2) (i32.const 8))",
                "args_sizes_get: pointer 0x2 is not aligned to 4 bytes"},
        };
        for (String[] c : cases) {
            RunOutcome outcome = run(badPointerGuest(c[0]), "prog");

            assertEquals(134, outcome.exitCode(), c[0]);
            assertEquals("before\n", outcome.stdoutText(), c[0]);
            assertEquals("wasm trap: " + c[1] + "\n", outcome.stderrText(), c[0]);
        }
    }

    @Test
    void writesFromGrownMemoryWork() {
        GuestModule guest = TestGuests.wat("""
                (module
                  %s
                  (memory (export "memory") 1)
                  %s
                  (func (export "_start")
                    (if (i32.ne (memory.grow (i32.const 1)) (i32.const 1)) (then unreachable))
                    (i32.store (i32.const 70000) (i32.const 0x0a6b6f)) ;; "ok\\n"
                    (call $write (i32.const 1) (i32.const 70000) (i32.const 3))))
                """.formatted(IMPORTS, WRITE_HELPER));

        RunOutcome outcome = run(guest, "prog");

        assertEquals(0, outcome.exitCode(), outcome.stderrText());
        assertEquals("ok\n", outcome.stdoutText());
    }

    @Test
    void startSectionMayAlreadyCallWasi() {
        GuestModule guest = TestGuests.wat("""
                (module
                  %s
                  (memory (export "memory") 1)
                  (data (i32.const 100) "init\\nmain\\n")
                  %s
                  (func $init (call $write (i32.const 1) (i32.const 100) (i32.const 5)))
                  (start $init)
                  (func (export "_start") (call $write (i32.const 1) (i32.const 105) (i32.const 5))))
                """.formatted(IMPORTS, WRITE_HELPER));

        RunOutcome outcome = run(guest, "prog");

        assertEquals(0, outcome.exitCode(), outcome.stderrText());
        assertEquals("init\nmain\n", outcome.stdoutText());
    }

    @Test
    void trapIsExitCode134WithTheReasonOnItsOwnStderrLine() {
        GuestModule guest = TestGuests.wat("""
                (module
                  %s
                  (memory (export "memory") 1)
                  (data (i32.const 100) "partial")
                  %s
                  (func (export "_start")
                    (call $write (i32.const 2) (i32.const 100) (i32.const 7))
                    unreachable))
                """.formatted(IMPORTS, WRITE_HELPER));

        RunOutcome outcome = run(guest, "prog");

        assertEquals(ChicoryHost.TRAP_EXIT_CODE, outcome.exitCode());
        assertEquals("partial\nwasm trap: Trapped on unreachable instruction\n", outcome.stderrText());
        assertEquals(RunStatus.TRAP, outcome.status());
        assertEquals("wasm trap: Trapped on unreachable instruction", outcome.message());
    }

    @Test
    void outOfBoundsLoadTraps() {
        GuestModule guest = TestGuests.wat("""
                (module
                  (memory (export "memory") 1)
                  (func (export "_start") (drop (i32.load (i32.const 70000)))))
                """);

        RunOutcome outcome = run(guest, "prog");

        assertEquals(134, outcome.exitCode());
        assertTrue(outcome.stderrText().startsWith("wasm trap: "), outcome.stderrText());
        assertTrue(outcome.stderrText().contains("out of bounds memory access"), outcome.stderrText());
    }

    @Test
    void runawayRecursionTraps() {
        GuestModule guest = TestGuests.wat("""
                (module
                  (memory (export "memory") 1)
                  (func $forever (call $forever))
                  (func (export "_start") (call $forever)))
                """);

        RunOutcome outcome = run(guest, "prog");

        assertEquals(134, outcome.exitCode());
        assertEquals("wasm trap: call stack exhausted\n", outcome.stderrText());
        assertEquals(RunStatus.TRAP, outcome.status());
    }

    @Test
    void aFailingOutputListenerBecomesAHostErrorOutcome() {
        GuestModule guest = TestGuests.wat("""
                (module
                  %s
                  (memory (export "memory") 1)
                  (data (i32.const 100) "hi\\n")
                  %s
                  (func (export "_start") (call $write (i32.const 1) (i32.const 100) (i32.const 3))))
                """.formatted(IMPORTS, WRITE_HELPER));

        RunOutcome outcome = ChicoryHost.run(guest, RunSpec.builder()
                .argv(List.of("prog"))
                .stdout((bytes, offset, length) -> {
                    throw new IllegalStateException("client went away");
                })
                .build());

        assertEquals(134, outcome.exitCode());
        assertEquals("host error: java.lang.IllegalStateException: client went away\n", outcome.stderrText());
        assertEquals(RunStatus.ERROR, outcome.status());
    }

    /** Runs the guest on a thread of its own, interrupts that thread after 300 ms, returns the outcome. */
    private static RunOutcome runAndInterrupt(GuestModule guest) throws InterruptedException {
        RunOutcome[] outcome = new RunOutcome[1];
        Thread runner = new Thread(() -> outcome[0] = run(guest, "prog"));
        runner.start();
        Thread.sleep(300);
        runner.interrupt();
        runner.join(10_000);
        assertFalse(runner.isAlive(), "the guest did not stop when its thread was interrupted");
        return outcome[0];
    }

    @Test
    void interruptingTheRunningThreadStopsABusyGuest() throws Exception {
        GuestModule guest = TestGuests.wat("""
                (module
                  (memory (export "memory") 1)
                  (func (export "_start") (loop $spin (br $spin))))
                """);

        RunOutcome outcome = runAndInterrupt(guest);

        assertEquals(134, outcome.exitCode());
        assertEquals("run interrupted\n", outcome.stderrText());
        assertEquals(RunStatus.ERROR, outcome.status());
    }

    @Test
    void interruptingTheRunningThreadStopsASleepingGuest() throws Exception {
        // poll_oneoff on a 60 s relative clock, in a loop: only an interrupt ends it.
        GuestModule guest = TestGuests.wat("""
                (module
                  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll (param i32 i32 i32 i32) (result i32)))
                  (memory (export "memory") 1)
                  (func (export "_start")
                    (i64.store (i32.const 0) (i64.const 7))            ;; userdata
                    (i32.store8 (i32.const 8) (i32.const 0))           ;; tag: clock
                    (i32.store (i32.const 16) (i32.const 1))           ;; monotonic clock
                    (i64.store (i32.const 24) (i64.const 60000000000)) ;; timeout: 60 s
                    (i64.store (i32.const 32) (i64.const 0))           ;; precision
                    (i32.store16 (i32.const 40) (i32.const 0))         ;; relative
                    (loop $again
                      (drop (call $poll (i32.const 0) (i32.const 104) (i32.const 1) (i32.const 200)))
                      (br $again))))
                """);

        long started = System.nanoTime();
        RunOutcome outcome = runAndInterrupt(guest);

        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10));
        assertEquals(134, outcome.exitCode());
        assertEquals("run interrupted\n", outcome.stderrText());
    }

    @Test
    void parallelRunsAreIsolated() throws Exception {
        GuestModule guest = stringsGuest("args");
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<RunOutcome>> runs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String marker = "run-" + i;
                runs.add(executor.submit(() -> run(guest, "prog", marker)));
            }
            for (int i = 0; i < runs.size(); i++) {
                RunOutcome outcome = runs.get(i).get(30, TimeUnit.SECONDS);
                assertEquals(2, outcome.exitCode());
                assertEquals("prog\0run-" + i + "\0", outcome.stdoutText());
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void eachRunOfASpecStartsWithItsOwnFiles() {
        RunSpec spec = RunSpec.builder().argv(List.of("prog")).file("/a.txt", new byte[] {1}).build();
        GuestModule guest = TestGuests.wat("""
                (module (memory (export "memory") 1) (func (export "_start")))
                """);

        RunOutcome first = ChicoryHost.run(guest, spec);
        first.fileSystem().writeFile("/b.txt", new byte[] {2});
        RunOutcome second = ChicoryHost.run(guest, spec);

        assertNotSame(first.fileSystem(), second.fileSystem());
        assertEquals(List.of("a.txt"), List.copyOf(second.fileSystem().files().keySet()));
    }
}
