package dev.wasiplay.runtimes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/** The runtimes bundled on the classpath, as listed in {@code dev/wasiplay/runtimes/runtimes.properties}. */
public final class BundledRuntimes {

    static final String MANIFEST = "dev/wasiplay/runtimes/runtimes.properties";

    private static volatile Properties manifest; // loaded on first use

    private BundledRuntimes() {}

    /** CPython 3.12 for WASI (wasm32-wasi, preview 1). */
    public static BundledRuntime python() {
        return byName("python").orElseThrow(() -> new IllegalStateException("no python runtime in " + MANIFEST));
    }

    public static Optional<BundledRuntime> byName(String name) {
        Objects.requireNonNull(name, "name");
        Properties p = manifest();
        String fileName = p.getProperty(name + ".file");
        if (fileName == null) {
            return Optional.empty();
        }
        return Optional.of(new BundledRuntime(name, required(p, name + ".version"), fileName,
                required(p, name + ".sha256"), Long.parseLong(required(p, name + ".size"))));
    }

    /** All bundled runtimes, sorted by name. */
    public static List<BundledRuntime> all() {
        return manifest().stringPropertyNames().stream()
                .filter(k -> k.endsWith(".file"))
                .map(k -> k.substring(0, k.length() - ".file".length()))
                .sorted()
                .map(n -> byName(n).orElseThrow())
                .toList();
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(MANIFEST + " has no " + key);
        }
        return value;
    }

    private static Properties manifest() {
        Properties p = manifest;
        if (p == null) {
            manifest = p = load();
        }
        return p;
    }

    private static Properties load() {
        try (InputStream in = BundledRuntimes.class.getClassLoader().getResourceAsStream(MANIFEST)) {
            if (in == null) {
                throw new IllegalStateException(MANIFEST + " not on the classpath; build the runtimes module with Maven");
            }
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MANIFEST, e);
        }
    }
}
