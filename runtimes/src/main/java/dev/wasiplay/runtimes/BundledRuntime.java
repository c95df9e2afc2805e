package dev.wasiplay.runtimes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A guest runtime (a WASI module) bundled on the classpath by this module.
 *
 * @param name     runtime name, e.g. {@code python}
 * @param version  runtime version, e.g. {@code 3.12.0}
 * @param fileName content-hashed resource name in {@code dev/wasiplay/runtimes/}, e.g.
 *                 {@code python-3.12.0-0123456789abcdef.wasm}
 * @param sha256   lowercase hex SHA-256 of the resource
 * @param size     resource size in bytes
 */
public record BundledRuntime(String name, String version, String fileName, String sha256, long size) {

    public BundledRuntime {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** Classpath resource path, e.g. {@code dev/wasiplay/runtimes/python-3.12.0-0123456789abcdef.wasm}. */
    public String resourcePath() {
        return "dev/wasiplay/runtimes/" + fileName;
    }

    /** Opens the wasm module; the caller closes the stream. */
    public InputStream open() {
        InputStream in = BundledRuntime.class.getClassLoader().getResourceAsStream(resourcePath());
        if (in == null) {
            throw new IllegalStateException("bundled runtime resource missing from classpath: " + resourcePath());
        }
        return in;
    }

    /**
     * The module compressed at build time with {@code encoding} ("br" or "gzip"), or null when the build did not
     * make that form (Brotli's native library did not load there) or the encoding is another.
     */
    public byte[] encoded(String encoding) {
        String suffix = switch (encoding) {
            case "br" -> ".br";
            case "gzip" -> ".gz";
            default -> null;
        };
        if (suffix == null) {
            return null;
        }
        try (InputStream in = BundledRuntime.class.getClassLoader().getResourceAsStream(resourcePath() + suffix)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resourcePath() + suffix, e);
        }
    }

    /** Reads the whole wasm module. */
    public byte[] bytes() {
        try (InputStream in = open()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length != size) {
                throw new IllegalStateException(resourcePath() + ": expected " + size + " bytes, read " + bytes.length);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resourcePath(), e);
        }
    }
}
