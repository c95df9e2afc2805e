package dev.wasiplay.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import dev.wasiplay.server.store.Hashes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files under {@code public/} on the classpath (the repo's {@code static/} and web-client's worker
 * scripts), read once at start-up, each with its SHA-256 and, for text, gzip and Brotli forms compressed
 * at the highest levels.
 *
 * <p>In HTML files, {@code src="/x"} and {@code href="/x"} attributes naming another asset get the query
 * {@code ?v=<first 16 hex digits of its hash>}: such a URL always means those exact bytes, so it may be
 * cached for good ({@link #isCurrentVersion}).
 */
final class StaticAssets {

    /** One file: its bytes as stored and compressed (null where compression does not pay). */
    record Asset(String path, String contentType, byte[] identity, byte[] gzip, byte[] brotli, String sha256) {

        /** The value of {@code ?v=} in URLs that name exactly these bytes. */
        String version() {
            return sha256.substring(0, 16);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(StaticAssets.class);
    private static final Pattern ASSET_REFERENCE = Pattern.compile("\\b(src|href)=\"(/[^\"?#]+)\"");
    private static final int MIN_COMPRESSED_SIZE = 256;
    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("woff2", "font/woff2"));

    private final Map<String, Asset> assets;

    private StaticAssets(Map<String, Asset> assets) {
        this.assets = assets;
    }

    /** Reads every file under {@code root/} on the class path; URL paths are relative to that root. */
    static StaticAssets load(ClassLoader classLoader, String root) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            for (URL url : Collections.list(classLoader.getResources(root))) {
                collect(url, root, files);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the static files under " + root + "/", e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no static files under " + root + "/ on the class path");
        }
        Map<String, String> versions = new LinkedHashMap<>();
        files.forEach((path, bytes) -> versions.put(path, Hashes.sha256Hex(bytes).substring(0, 16)));

        boolean brotli = brotliAvailable();
        Map<String, Asset> assets = new LinkedHashMap<>();
        files.forEach((path, bytes) -> {
            String type = contentType(path);
            byte[] content = type.startsWith("text/html") ? versionReferences(bytes, versions) : bytes;
            boolean compressible = isCompressible(type) && content.length >= MIN_COMPRESSED_SIZE;
            assets.put(path, new Asset(path, type, content,
                    compressible ? smallerOrNull(gzip(content), content) : null,
                    compressible && brotli ? smallerOrNull(brotli(content), content) : null,
                    Hashes.sha256Hex(content)));
        });
        log.info("{} static files; compressed with gzip{}", assets.size(), brotli ? " and brotli" : " (brotli unavailable: "
                + Brotli4jLoader.getUnavailabilityCause() + ")");
        return new StaticAssets(Collections.unmodifiableMap(assets));
    }

    /** The asset at a URL path such as {@code /app.js}, or null. */
    Asset find(String urlPath) {
        return assets.get(urlPath);
    }

    /** True when {@code version} (a {@code ?v=} value) names the asset's current bytes. */
    static boolean isCurrentVersion(Asset asset, String version) {
        return asset.version().equals(version);
    }

    static boolean brotliAvailable() {
        try {
            return Brotli4jLoader.isAvailable();
        } catch (LinkageError e) {
            return false;
        }
    }

    private static void collect(URL url, String root, Map<String, byte[]> files) throws IOException {
        switch (url.getProtocol()) {
            case "file" -> {
                Path dir;
                try {
                    dir = Path.of(url.toURI());
                } catch (URISyntaxException e) {
                    throw new IOException("bad class path URL " + url, e);
                }
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                        String path = "/" + dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                        files.putIfAbsent(path, Files.readAllBytes(file));
                    }
                }
            }
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry entry = entries.nextElement();
                        if (!entry.isDirectory() && entry.getName().startsWith(root + "/")) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                files.putIfAbsent(entry.getName().substring(root.length()), in.readAllBytes());
                            }
                        }
                    }
                }
            }
            default -> throw new IOException("cannot list static files at " + url);
        }
    }

    /** Adds {@code ?v=VERSION} to every {@code src="/..."} and {@code href="/..."} that names a known file. */
    private static byte[] versionReferences(byte[] html, Map<String, String> versions) {
        Matcher matcher = ASSET_REFERENCE.matcher(new String(html, UTF_8));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String version = versions.get(matcher.group(2));
            String replacement = version == null ? matcher.group()
                    : matcher.group(1) + "=\"" + matcher.group(2) + "?v=" + version + "\"";
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString().getBytes(UTF_8);
    }

    static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 ? "" : path.substring(dot + 1);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static boolean isCompressible(String type) {
        return type.startsWith("text/") || type.startsWith("application/json") || type.equals("image/svg+xml");
    }

    private static byte[] smallerOrNull(byte[] compressed, byte[] original) {
        return compressed.length < original.length ? compressed : null;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] brotli(byte[] bytes) {
        try {
            return Encoder.compress(bytes, new Encoder.Parameters().setQuality(11));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
