package dev.wasiplay.server;

import com.aayushatharva.brotli4j.encoder.Encoder;
import dev.wasiplay.runtimes.BundledRuntime;
import dev.wasiplay.runtimes.BundledRuntimes;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.NotFoundResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /runtimes/{fileName}}: the bundled runtimes (python.wasm), Brotli- or gzip-compressed when the
 * client accepts it, else as is. The compressed forms are made once per process on a background thread
 * ({@link #compressInBackground}); until they are ready the runtime goes out uncompressed. Every answer carries
 * {@value #UNCOMPRESSED_LENGTH} (the runtime's size), which the worker's progress bar uses as its total when
 * the body is content-encoded (its Content-Length then counts compressed bytes, the body stream yields
 * decompressed ones).
 */
final class RuntimeDownloads {

    static final String UNCOMPRESSED_LENGTH = "X-Uncompressed-Length";

    /** Brotli quality 9 with a 16 MiB window: python.wasm in ~4 s to 6.3 MB (quality 11: 5.9 MB in a minute). */
    private static final int BROTLI_QUALITY = 9;
    private static final int BROTLI_WINDOW_BITS = 24;

    private static final Logger log = LoggerFactory.getLogger(RuntimeDownloads.class);
    private static final Map<String, CompletableFuture<Compressed>> COMPRESSED = new ConcurrentHashMap<>();

    /** A runtime's compressed forms; {@code brotli} is null where Brotli's native library does not load. */
    record Compressed(byte[] gzip, byte[] brotli) {
    }

    private RuntimeDownloads() {
    }

    /** Starts compressing every bundled runtime, unless this process already has (servers share the result). */
    static void compressInBackground() {
        for (BundledRuntime runtime : BundledRuntimes.all()) {
            COMPRESSED.computeIfAbsent(runtime.fileName(), name -> CompletableFuture.supplyAsync(() -> compress(runtime),
                    runnable -> {
                        Thread thread = new Thread(runnable, "compress-" + name);
                        thread.setDaemon(true);
                        thread.setPriority(Thread.MIN_PRIORITY);
                        thread.start();
                    }));
        }
    }

    /** Waits until {@code runtime}'s compressed forms are ready (for tests); false if they are not by then. */
    static boolean awaitCompressed(BundledRuntime runtime, Duration timeout) throws InterruptedException {
        CompletableFuture<Compressed> future = COMPRESSED.get(runtime.fileName());
        if (future == null) {
            return false;
        }
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** File names hold a content hash, so every answer may be cached for good; it varies by Accept-Encoding. */
    static void serve(Context ctx) {
        String fileName = ctx.pathParam("fileName");
        BundledRuntime runtime = BundledRuntimes.all().stream()
                .filter(r -> r.fileName().equals(fileName))
                .findFirst()
                .orElseThrow(() -> new NotFoundResponse("no bundled runtime named " + fileName));
        Compressed compressed = ready(runtime);
        String accepted = ctx.header(Header.ACCEPT_ENCODING);
        String encoding = null;
        byte[] body = null;
        if (compressed != null && compressed.brotli() != null && Pages.accepts(accepted, "br")) {
            encoding = "br";
            body = compressed.brotli();
        } else if (compressed != null && Pages.accepts(accepted, "gzip")) {
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

    /** The compressed forms if they are ready (null while they are being made, or if making them failed). */
    private static Compressed ready(BundledRuntime runtime) {
        CompletableFuture<Compressed> future = COMPRESSED.get(runtime.fileName());
        return future != null && future.isDone() && !future.isCompletedExceptionally() ? future.join() : null;
    }

    private static Compressed compress(BundledRuntime runtime) {
        try {
            long start = System.nanoTime();
            byte[] bytes = runtime.bytes();
            byte[] brotli = StaticAssets.brotliAvailable() ? brotli(bytes) : null;
            byte[] gzip = gzip(bytes);
            log.info("{}: {} bytes, brotli {}, gzip {}, compressed in {} ms", runtime.fileName(), bytes.length,
                    brotli == null ? "unavailable" : brotli.length, gzip.length, (System.nanoTime() - start) / 1_000_000);
            return new Compressed(gzip, brotli);
        } catch (RuntimeException | Error e) {
            log.error("could not compress {}; it is sent uncompressed", runtime.fileName(), e);
            throw e;
        }
    }

    private static byte[] brotli(byte[] bytes) {
        try {
            return Encoder.compress(bytes, new Encoder.Parameters()
                    .setQuality(BROTLI_QUALITY).setWindow(BROTLI_WINDOW_BITS).setMode(Encoder.Mode.GENERIC));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16) {
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
}
