package dev.wasiplay.runtimes.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StripCustomSectionsTest {

    static final byte[] HEADER = {0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00};

    // Section payloads don't have to be valid contents: the stripper only looks at ids and sizes.
    static final byte[] TYPE = section(1, 0x01, 0x60, 0x00, 0x00);
    static final byte[] FUNC = section(3, 0x01, 0x00);
    static final byte[] CODE = section(10, 0x01, 0x02, 0x00, 0x0b);

    @Test
    void dropsCustomSectionsBeforeBetweenAndAfter() {
        byte[] wasm = concat(HEADER, custom("name", 1, 2, 3), TYPE, custom(".debug_info", 4), FUNC,
                CODE, custom("producers", 5, 6));

        byte[] stripped = StripCustomSections.strip(wasm);

        assertArrayEquals(concat(HEADER, TYPE, FUNC, CODE), stripped);
        assertEquals(List.of(1, 3, 10), ids(stripped));
    }

    @Test
    void moduleWithoutCustomSectionsIsUnchanged() {
        byte[] wasm = concat(HEADER, TYPE, FUNC, CODE);
        assertArrayEquals(wasm, StripCustomSections.strip(wasm));
        assertArrayEquals(HEADER, StripCustomSections.strip(HEADER));
    }

    @Test
    void keepsMultiByteAndPaddedSizesVerbatim() {
        byte[] big = new byte[300]; // size 300 = LEB128 0xac 0x02
        byte[] bigCustom = concat(new byte[] {0x00, (byte) 0xac, 0x02}, big);
        byte[] padded = {0x01, (byte) 0x82, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x00, 0x01, 0x60};
        byte[] wasm = concat(HEADER, bigCustom, padded);

        assertEquals(List.of(0, 1), ids(wasm));
        assertArrayEquals(concat(HEADER, padded), StripCustomSections.strip(wasm));
    }

    @Test
    void badMagicIsRejected() {
        byte[] elf = {0x7f, 'E', 'L', 'F', 0x01, 0x00, 0x00, 0x00};
        var e = assertThrows(IllegalArgumentException.class, () -> StripCustomSections.strip(elf));
        assertEquals("not a wasm module: bad magic 7f454c46 (expected 0061736d)", e.getMessage());
    }

    @Test
    void badVersionAndShortInputAreRejected() {
        byte[] v2 = {0x00, 'a', 's', 'm', 0x02, 0x00, 0x00, 0x00};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StripCustomSections.strip(v2))
                .getMessage().startsWith("unsupported wasm binary version 02000000"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StripCustomSections.strip(new byte[3]))
                .getMessage().contains("shorter than the 8-byte header"));
    }

    @Test
    void truncatedSectionIsRejected() {
        byte[] wasm = concat(HEADER, TYPE, new byte[] {0x0a, 0x05, 0x01, 0x02});
        var e = assertThrows(IllegalArgumentException.class, () -> StripCustomSections.strip(wasm));
        assertEquals("truncated section at offset 14: section id 10 declares 5 bytes but only 2 remain",
                e.getMessage());
    }

    @Test
    void truncatedOrOverlongSizeIsRejected() {
        byte[] cutInSize = concat(HEADER, new byte[] {0x01, (byte) 0x80});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StripCustomSections.strip(cutInSize))
                .getMessage().startsWith("truncated section header at offset 8"));

        byte[] sixByteLeb = concat(HEADER, new byte[] {0x01, (byte) 0x80, (byte) 0x80, (byte) 0x80,
                (byte) 0x80, (byte) 0x80, 0x00});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StripCustomSections.strip(sixByteLeb))
                .getMessage().contains("longer than 5 bytes"));

        byte[] tooBig = concat(HEADER, new byte[] {0x01, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x1f});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StripCustomSections.strip(tooBig))
                .getMessage().contains("does not fit in a u32"));
    }

    @Test
    void bundleWritesHashedFileAndManifest(@TempDir Path tmp) throws Exception {
        Path input = tmp.resolve("in.wasm");
        Files.write(input, concat(HEADER, custom("name", 1), TYPE, CODE));
        Path classes = tmp.resolve("classes");
        byte[] expected = concat(HEADER, TYPE, CODE);
        String sha = StripCustomSections.sha256Hex(expected);

        Path out = StripCustomSections.bundle(input, classes, "demo", "1.0");
        assertEquals("demo-1.0-" + sha.substring(0, 16) + ".wasm", out.getFileName().toString());
        assertArrayEquals(expected, Files.readAllBytes(out));

        // A new version replaces the old file and entry; other runtimes' entries are kept.
        Files.write(input, concat(HEADER, TYPE));
        StripCustomSections.bundle(input, classes, "other", "2.0");
        Path out2 = StripCustomSections.bundle(input, classes, "demo", "1.1");
        assertFalse(Files.exists(out));

        Properties p = new Properties();
        try (var in = Files.newInputStream(classes.resolve("dev/wasiplay/runtimes/runtimes.properties"))) {
            p.load(in);
        }
        assertEquals(out2.getFileName().toString(), p.getProperty("demo.file"));
        assertEquals(StripCustomSections.sha256Hex(concat(HEADER, TYPE)), p.getProperty("demo.sha256"));
        assertEquals("14", p.getProperty("demo.size"));
        assertEquals("1.1", p.getProperty("demo.version"));
        assertEquals("2.0", p.getProperty("other.version"));
    }

    static List<Integer> ids(byte[] wasm) {
        return StripCustomSections.sections(wasm).stream().map(StripCustomSections.Section::id).toList();
    }

    static byte[] custom(String name, int... data) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        int[] payload = new int[1 + n.length + data.length];
        payload[0] = n.length;
        for (int i = 0; i < n.length; i++) {
            payload[1 + i] = n[i];
        }
        System.arraycopy(data, 0, payload, 1 + n.length, data.length);
        return section(0, payload);
    }

    /** A section with a one-byte size (payload under 128 bytes). */
    static byte[] section(int id, int... payload) {
        byte[] s = new byte[2 + payload.length];
        s[0] = (byte) id;
        s[1] = (byte) payload.length;
        for (int i = 0; i < payload.length; i++) {
            s[2 + i] = (byte) payload[i];
        }
        return s;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
