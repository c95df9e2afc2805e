package dev.wasiplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliOptionsTest {
    @TempDir
    Path cwd;

    private CliOptions parse(String... args) throws UsageException {
        return CliOptions.parse(args, Map.of("HOME", "/home/me"), cwd);
    }

    @Test
    void readsOptionsUpToTheModuleAndPassesTheRestOn() throws Exception {
        Files.createDirectories(cwd.resolve("data"));
        Files.createDirectories(cwd.resolve("more"));
        CliOptions options = parse("run", "--dir", "data::/work", "--dir=more", "--env", "A=1", "--env", "HOME",
                "--engine=both", "--timeout", "1.5", "-W", "max-memory-size=1048576", "m.wasm", "--env", "x");

        assertEquals(List.of("/work", "more"), options.dirs().stream().map(DirMapping::guestName).toList());
        assertEquals(List.of("work", "more"), options.dirs().stream().map(DirMapping::treePath).toList());
        assertEquals(List.of("A=1", "HOME=/home/me"), options.env().stream().map(e -> e[0] + "=" + e[1]).toList());
        assertEquals(Engine.BOTH, options.engine());
        assertEquals(Duration.ofMillis(1500), options.timeout());
        assertEquals(1048576L, options.maxMemoryBytes());
        assertEquals("m.wasm", options.module());
        assertEquals(List.of("--env", "x"), options.guestArgs());
    }

    @Test
    void runIsOptionalAndDefaultsAreWasmtimes() throws Exception {
        CliOptions options = parse("m.wasm");

        assertEquals(Engine.CHICORY, options.engine());
        assertNull(options.timeout());
        assertEquals(List.of(), options.dirs());
    }

    @Test
    void durationsTakeUnits() throws Exception {
        assertEquals(Duration.ofMillis(250), CliOptions.duration("250ms", "--timeout"));
        assertEquals(Duration.ofSeconds(2), CliOptions.duration("2s", "--timeout"));
        assertEquals(Duration.ofMinutes(3), CliOptions.duration("3m", "--timeout"));
        assertEquals(Duration.ofSeconds(2), parse("-Wtimeout=2", "m.wasm").timeout());
        assertThrows(UsageException.class, () -> CliOptions.duration("0", "--timeout"));
        assertThrows(UsageException.class, () -> CliOptions.duration("-1", "--timeout"));
    }

    @Test
    void overlappingDirsAreRefused() throws Exception {
        Files.createDirectories(cwd.resolve("a/b"));
        Files.createDirectories(cwd.resolve("c"));

        UsageException inGuest = assertThrows(UsageException.class,
                () -> parse("--dir", "a::/x", "--dir", "c::/x/y", "m.wasm"));
        assertEquals("--dir a::/x and --dir c::/x/y overlap in the guest's file tree (\"/x\" and \"/x/y\"); give "
                + "them guest paths apart from each other", inGuest.getMessage());
        assertThrows(UsageException.class, () -> parse("--dir", ".", "--dir", "c::/c", "m.wasm")); // "." is the root
        UsageException onHost = assertThrows(UsageException.class,
                () -> parse("--dir", "a::/x", "--dir", "a/b::/y", "m.wasm"));
        assertEquals("--dir a::/x and --dir a/b::/y map overlapping host directories; changes could not be written "
                + "back to both", onHost.getMessage());
        assertEquals(2, parse("--dir", "a::/x", "--dir", "c::/y", "m.wasm").dirs().size());
    }

    @Test
    void badValuesAreNamed() {
        assertEquals("unsupported -W option \"fuel=100\" (wasiplay knows -W timeout=... and -W max-memory-size=...)",
                assertThrows(UsageException.class, () -> parse("-W", "fuel=100", "m.wasm")).getMessage());
        assertEquals("-W max-memory-size must be a number of bytes, at least 65536 (one wasm page), not \"1k\"",
                assertThrows(UsageException.class, () -> parse("-W", "max-memory-size=1k", "m.wasm")).getMessage());
        assertEquals("--env needs NAME=VALUE or NAME, not \"=x\"",
                assertThrows(UsageException.class, () -> parse("--env", "=x", "m.wasm")).getMessage());
        assertEquals("--dir ..::/up/../etc: the guest path may not contain \"..\"", assertThrows(UsageException.class,
                () -> parse("--dir", "..::/up/../etc", "m.wasm")).getMessage());
    }

    @Test
    void deterministicModeIsOnForBothEnginesUnlessSwitchedAndTheSeedIsSettable() throws Exception {
        assertEquals(null, parse("m.wasm").effectiveSeed());
        assertEquals(42L, parse("--engine", "both", "m.wasm").effectiveSeed());
        assertEquals(null, parse("--engine", "both", "--no-deterministic", "m.wasm").effectiveSeed());
        assertEquals(42L, parse("--deterministic", "m.wasm").effectiveSeed());
        assertEquals(7L, parse("--engine=browser", "--deterministic=7", "m.wasm").effectiveSeed());
        assertEquals(9007199254740991L, parse("--engine", "both", "--deterministic=9007199254740991", "m.wasm")
                .effectiveSeed());
        assertEquals(cwd.resolve("r.json"), parse("--engine", "both", "--report", "r.json", "m.wasm").report());

        assertEquals("--deterministic=SEED needs a whole number from 0 to 9007199254740991, not \"-1\"",
                assertThrows(UsageException.class, () -> parse("--deterministic=-1", "m.wasm")).getMessage());
        assertEquals("--deterministic=SEED needs a whole number from 0 to 9007199254740991, not \"abc\"",
                assertThrows(UsageException.class, () -> parse("--deterministic=abc", "m.wasm")).getMessage());
        assertEquals("--no-deterministic takes no value",
                assertThrows(UsageException.class, () -> parse("--no-deterministic=1", "m.wasm")).getMessage());
        assertEquals("--report needs --engine both: the report compares two engines",
                assertThrows(UsageException.class, () -> parse("--report", "r.json", "m.wasm")).getMessage());
    }
}
