package dev.wasiplay.runtimes.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Build step: removes the custom sections (id 0: DWARF debug info, names, producers, ...) from a
 * wasm module and bundles the result as a content-hashed classpath resource.
 *
 * <p>Run from Maven as {@code StripCustomSections <input.wasm> <classesDir> <name> <version>}. It
 * writes {@code dev/wasiplay/runtimes/<name>-<version>-<sha256 prefix>.wasm} under
 * {@code classesDir} and records it in {@code dev/wasiplay/runtimes/runtimes.properties}.
 */
public final class StripCustomSections {

    public static final String RESOURCE_DIR = "dev/wasiplay/runtimes";
    public static final String MANIFEST = "runtimes.properties";

    private static final byte[] MAGIC = {0x00, 'a', 's', 'm'};
    private static final byte[] VERSION = {0x01, 0x00, 0x00, 0x00};
    private static final int HEADER_SIZE = 8;
    private static final int CUSTOM = 0;

    /** One section: its id and the bytes {@code [start, end)} it occupies, header included. */
    public record Section(int id, int start, int end) {
        public int length() {
            return end - start;
        }
    }

    private StripCustomSections() {}

    /** Validates the module header and splits the module into its sections, in order. */
    public static List<Section> sections(byte[] wasm) {
        if (wasm.length < HEADER_SIZE) {
            throw new IllegalArgumentException(
                    "not a wasm module: " + wasm.length + " bytes is shorter than the 8-byte header");
        }
        if (!Arrays.equals(wasm, 0, 4, MAGIC, 0, 4)) {
            throw new IllegalArgumentException("not a wasm module: bad magic "
                    + hex(Arrays.copyOf(wasm, 4)) + " (expected " + hex(MAGIC) + ")");
        }
        if (!Arrays.equals(wasm, 4, 8, VERSION, 0, 4)) {
            throw new IllegalArgumentException("unsupported wasm binary version "
                    + hex(Arrays.copyOfRange(wasm, 4, 8)) + " (expected " + hex(VERSION) + ")");
        }
        List<Section> sections = new ArrayList<>();
        int pos = HEADER_SIZE;
        while (pos < wasm.length) {
            int start = pos;
            int id = wasm[pos++] & 0xff;
            long size = 0;
            for (int shift = 0; ; shift += 7) {
                if (pos >= wasm.length) {
                    throw new IllegalArgumentException("truncated section header at offset " + start
                            + ": the size of section id " + id + " runs past the end of the module");
                }
                int b = wasm[pos++] & 0xff;
                size |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
                if (shift == 28) {
                    throw new IllegalArgumentException("malformed section size at offset " + start
                            + ": LEB128 u32 longer than 5 bytes");
                }
            }
            if (size > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("malformed section size at offset " + start
                        + ": " + size + " does not fit in a u32");
            }
            int remaining = wasm.length - pos;
            if (size > remaining) {
                throw new IllegalArgumentException("truncated section at offset " + start + ": section id "
                        + id + " declares " + size + " bytes but only " + remaining + " remain");
            }
            pos += (int) size;
            sections.add(new Section(id, start, pos));
        }
        return sections;
    }

    /** Returns the module without its custom sections; all other bytes are copied verbatim. */
    public static byte[] strip(byte[] wasm) {
        List<Section> sections = sections(wasm);
        ByteArrayOutputStream out = new ByteArrayOutputStream(wasm.length);
        out.write(wasm, 0, HEADER_SIZE);
        for (Section s : sections) {
            if (s.id() != CUSTOM) {
                out.write(wasm, s.start(), s.length());
            }
        }
        return out.toByteArray();
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return hex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Strips {@code input} and bundles it under {@code classesDir} as runtime {@code name}; returns
     * the written file. Other runtimes already in the manifest are kept.
     */
    public static Path bundle(Path input, Path classesDir, String name, String version) throws IOException {
        byte[] original = Files.readAllBytes(input);
        byte[] stripped = strip(original);
        String sha256 = sha256Hex(stripped);
        String fileName = name + "-" + version + "-" + sha256.substring(0, 16) + ".wasm";

        Path dir = classesDir.resolve(RESOURCE_DIR);
        Files.createDirectories(dir);
        Path manifestFile = dir.resolve(MANIFEST);
        Map<String, String> manifest = readManifest(manifestFile);

        String previous = manifest.get(name + ".file");
        if (previous != null && !previous.equals(fileName)) {
            Files.deleteIfExists(dir.resolve(previous)); // don't ship stale builds
        }
        Path output = dir.resolve(fileName);
        Files.write(output, stripped);

        manifest.put(name + ".file", fileName);
        manifest.put(name + ".sha256", sha256);
        manifest.put(name + ".size", Long.toString(stripped.length));
        manifest.put(name + ".version", version);
        writeManifest(manifestFile, manifest);

        System.out.printf("%s %s: %,d -> %,d bytes (custom sections removed) -> %s/%s%n",
                name, version, original.length, stripped.length, RESOURCE_DIR, fileName);
        return output;
    }

    private static Map<String, String> readManifest(Path file) throws IOException {
        Map<String, String> map = new TreeMap<>();
        if (Files.exists(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                p.load(in);
            }
            p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        }
        return map;
    }

    /** Written by hand, not with Properties.store, so the file has no timestamp and a stable order. */
    private static void writeManifest(Path file, Map<String, String> manifest) throws IOException {
        StringBuilder sb = new StringBuilder("# Generated by " + StripCustomSections.class.getName()
                + " during the build. Do not edit.\n");
        manifest.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        Files.writeString(file, sb, StandardCharsets.ISO_8859_1);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            throw new IllegalArgumentException(
                    "usage: StripCustomSections <input.wasm> <classesDir> <name> <version>");
        }
        try {
            bundle(Path.of(args[0]), Path.of(args[1]), args[2], args[3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
