package dev.wasiplay.runtimes.build;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Build step (after {@link StripCustomSections}): writes every bundled runtime's compressed forms next to it,
 * {@code <file>.br} (Brotli quality 9, 16 MiB window) and {@code <file>.gz} (gzip level 9), so the server sends
 * them from its first request on instead of compressing in every process. File names carry the content's hash,
 * so an existing compressed file is up to date; forms of runtimes no longer bundled are removed. Brotli is left
 * out (gzip only) where brotli4j's native library does not load.
 */
public final class PrecompressRuntimes {
    static final String BROTLI = ".br";
    static final String GZIP = ".gz";
    /** Quality 9 with a 16 MiB window: python.wasm to 6.3 MB in a few seconds (quality 11: 5.9 MB in a minute). */
    private static final int BROTLI_QUALITY = 9;
    private static final int BROTLI_WINDOW_BITS = 24;

    private PrecompressRuntimes() {
    }

    /** Compresses every {@code .wasm} in {@code dir} that has no compressed forms yet; removes orphaned ones. */
    public static void precompress(Path dir) throws IOException {
        boolean brotli = brotliAvailable();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".wasm")) {
                    byte[] wasm = null;
                    if (brotli && !Files.exists(dir.resolve(name + BROTLI))) {
                        wasm = Files.readAllBytes(file);
                        write(dir.resolve(name + BROTLI), brotli(wasm));
                    }
                    if (!Files.exists(dir.resolve(name + GZIP))) {
                        wasm = wasm != null ? wasm : Files.readAllBytes(file);
                        write(dir.resolve(name + GZIP), gzip(wasm));
                    }
                } else if ((name.endsWith(".wasm" + BROTLI) || name.endsWith(".wasm" + GZIP))
                        && !Files.exists(dir.resolve(name.substring(0, name.lastIndexOf('.'))))) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.write(partial, bytes);
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("%s: %,d bytes%n", file.getFileName(), bytes.length);
    }

    static boolean brotliAvailable() {
        try {
            return Brotli4jLoader.isAvailable();
        } catch (LinkageError e) {
            return false;
        }
    }

    static byte[] brotli(byte[] bytes) throws IOException {
        return Encoder.compress(bytes, new Encoder.Parameters()
                .setQuality(BROTLI_QUALITY).setWindow(BROTLI_WINDOW_BITS).setMode(Encoder.Mode.GENERIC));
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PrecompressRuntimes <classesDir>");
        }
        try {
            precompress(Path.of(args[0]).resolve(StripCustomSections.RESOURCE_DIR));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
