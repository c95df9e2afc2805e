package dev.wasiplay.server;

import dev.wasiplay.runtimes.BundledRuntime;
import dev.wasiplay.runtimes.BundledRuntimes;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /runtimes/{fileName}}: the bundled runtimes (python.wasm), Brotli- or gzip-compressed when the
 * client accepts it, else as is. The compressed forms are made when the runtimes module is built
 * ({@code PrecompressRuntimes}) and read from the classpath once per process, on first request. Every answer
 * carries {@value #UNCOMPRESSED_LENGTH} (the runtime's size), which the worker's progress bar uses as its total
 * when the body is content-encoded (its Content-Length then counts compressed bytes, the body stream yields
 * decompressed ones).
 */
final class RuntimeDownloads {

    static final String UNCOMPRESSED_LENGTH = "X-Uncompressed-Length";

    private static final Map<String, Compressed> COMPRESSED = new ConcurrentHashMap<>();

    /** A runtime's compressed forms; either is null when the build did not make it. */
    record Compressed(byte[] gzip, byte[] brotli) {
    }

    private RuntimeDownloads() {
    }

    /** File names hold a content hash, so every answer may be cached for good; it varies by Accept-Encoding. */
    static void serve(Context ctx) {
        String fileName = ctx.pathParam("fileName");
        BundledRuntime runtime = BundledRuntimes.all().stream()
                .filter(r -> r.fileName().equals(fileName))
                .findFirst()
                .orElseThrow(() -> new NotFoundResponse("no bundled runtime named " + fileName));
        Compressed compressed = compressed(runtime);
        String accepted = ctx.header(Header.ACCEPT_ENCODING);
        String encoding = null;
        byte[] body = null;
        if (compressed.brotli() != null && Pages.accepts(accepted, "br")) {
            encoding = "br";
            body = compressed.brotli();
        } else if (compressed.gzip() != null && Pages.accepts(accepted, "gzip")) {
            encoding = "gzip";
            body = compressed.gzip();
        }
        String etag = "\"" + runtime.sha256() + (encoding == null ? "" : "-" + encoding) + "\"";
        ctx.header(Header.CACHE_CONTROL, Pages.IMMUTABLE);
        ctx.header(Header.VARY, "Accept-Encoding");
        ctx.header(Header.ETAG, etag);
        if (HttpBodies.notModified(ctx, etag)) {
            ctx.status(304);
            return;
        }
        ctx.disableCompression();
        ctx.contentType("application/wasm");
        ctx.header(UNCOMPRESSED_LENGTH, Long.toString(runtime.size()));
        ctx.header(Header.ACCESS_CONTROL_EXPOSE_HEADERS, UNCOMPRESSED_LENGTH);
        if (encoding != null) {
            ctx.header(Header.CONTENT_ENCODING, encoding);
        }
        ctx.header(Header.CONTENT_LENGTH, Long.toString(body == null ? runtime.size() : body.length));
        if (!"HEAD".equals(ctx.method().name())) {
            if (body == null) {
                ctx.result(runtime.open());
            } else {
                ctx.result(body);
            }
        }
    }

    /** The runtime's compressed forms, read from the classpath the first time they are asked for. */
    private static Compressed compressed(BundledRuntime runtime) {
        return COMPRESSED.computeIfAbsent(runtime.fileName(),
                name -> new Compressed(runtime.encoded("gzip"), runtime.encoded("br")));
    }
}
