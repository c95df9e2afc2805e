package dev.wasiplay.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasiplay.polyfill.DeterministicMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deterministic mode on Chicory with the bundled CPython: the same seed gives the same run, every time. */
class DeterministicRunTest {
    private static final String SCRIPT = """
            import os, random, tempfile, time, uuid
            print(random.random(), time.time(), uuid.uuid4())
            start = time.monotonic()
            time.sleep(3600)
            print("slept", time.monotonic() - start >= 3600)
            with tempfile.NamedTemporaryFile(dir="/", delete=False) as f:
                f.write(b"x")
            made = os.stat(f.name)
            print(os.path.basename(f.name), made.st_ino, made.st_mtime_ns, os.stat("/main.py").st_ino)
            print(hash("salt"))
            """;

    private static RunOutcome run(Long seed) {
        return ChicoryHost.run(GuestModule.python(), RunSpec.builder()
                .argv(List.of("python", "/main.py"))
                .file("/main.py", SCRIPT.getBytes(StandardCharsets.UTF_8))
                .deterministic(seed)
                .build());
    }

    @Test
    void sameSeedSameOutputDifferentSeedDifferentOutput() {
        long realStart = System.nanoTime();
        RunOutcome first = run(DeterministicMode.DEFAULT_SEED);
        assertTrue(System.nanoTime() - realStart < 600_000_000_000L);
        RunOutcome second = run(DeterministicMode.DEFAULT_SEED);
        RunOutcome other = run(7L);

        assertEquals(0, first.exitCode(), first.stderrText());
        assertEquals(first.stdoutText(), second.stdoutText());
        String[] lines = first.stdoutText().split("\n");
        assertEquals(4, lines.length, first.stdoutText());
        assertTrue(lines[0].split(" ")[1].startsWith("17040672"), "time.time() starts at 2024-01-01: " + lines[0]);
        assertEquals("slept True", lines[1]);
        assertTrue(lines[2].endsWith(" 2"), "/main.py is inode 2 (after the root): " + lines[2]);

        assertEquals(0, other.exitCode(), other.stderrText());
        String[] otherLines = other.stdoutText().split("\n");
        assertNotEquals(lines[0].split(" ")[0], otherLines[0].split(" ")[0], "random.random()");
        assertNotEquals(lines[0].split(" ")[2], otherLines[0].split(" ")[2], "uuid4");
        assertNotEquals(lines[3], otherLines[3], "the hash seed comes from random_get too");
    }

    @Test
    void seedsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RunSpec.builder().deterministic(-1L));
        assertThrows(IllegalArgumentException.class, () -> RunSpec.builder().deterministic(1L << 53));
        RunSpec off = RunSpec.builder().deterministic((Long) null).build();
        assertTrue(!off.deterministic());
        assertTrue(!PrestartedPython.servable(RunSpec.builder().argv(List.of("python", "/main.py"))
                .deterministic(1).build()), "virtual time starts with CPython's start-up: a fresh instance");
    }
}
