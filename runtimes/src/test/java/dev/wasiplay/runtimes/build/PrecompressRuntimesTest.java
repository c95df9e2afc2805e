package dev.wasiplay.runtimes.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecompressRuntimesTest {
    @TempDir
    Path dir;

    @Test
    void writesBothFormsOnceAndRemovesFormsOfRuntimesNoLongerBundled() throws Exception {
        byte[] wasm = "\0asm\1\0\0\0 a module, repeated repeated repeated repeated".getBytes();
        Files.write(dir.resolve("demo-1.0-0123456789abcdef.wasm"), wasm);
        Files.writeString(dir.resolve("old-1.0-fedcba9876543210.wasm.gz"), "stale");
        Files.writeString(dir.resolve("old-1.0-fedcba9876543210.wasm.br"), "stale");

        PrecompressRuntimes.precompress(dir);

        Path gz = dir.resolve("demo-1.0-0123456789abcdef.wasm.gz");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(gz)))) {
            assertArrayEquals(wasm, in.readAllBytes());
        }
        assertEquals(PrecompressRuntimes.brotliAvailable(), Files.exists(dir.resolve("demo-1.0-0123456789abcdef.wasm.br")));
        assertFalse(Files.exists(dir.resolve("old-1.0-fedcba9876543210.wasm.gz")));
        assertFalse(Files.exists(dir.resolve("old-1.0-fedcba9876543210.wasm.br")));

        Files.writeString(gz, "kept: the name's hash says it is up to date");
        PrecompressRuntimes.precompress(dir);
        assertTrue(Files.readString(gz).startsWith("kept"));
    }
}
