package dev.wasiplay.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasiplay.host.RunPoolFullException;
import dev.wasiplay.runtimes.BundledRuntime;
import dev.wasiplay.runtimes.BundledRuntimes;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.exception.HttpResponseExceptionMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WasiPlay HTTP server: the page and its assets (with the worker script from web-client), the bundled
 * runtimes, and the run API. Every response carries the cross-origin isolation headers, so the page can use
 * SharedArrayBuffer.
 *
 * <pre>
 * var server = new WasiPlayServer();
 * int port = server.start(0); // 0 = any free port
 * ...
 * server.stop();
 * </pre>
 */
public final class WasiPlayServer {

    /** Largest accepted {@code POST /api/run} body: 1 MiB. */
    public static final int MAX_RUN_REQUEST_BYTES = 1 << 20;

    /** How long one server run may take before it is stopped: 2 minutes. */
    public static final Duration DEFAULT_RUN_TIME_LIMIT = RunSettings.DEFAULT_TIMEOUT;

    private static final Logger log = LoggerFactory.getLogger(WasiPlayServer.class);

    private final String host;
    private final RunSettings runSettings;
    private final RunRequestParser runRequests = new RunRequestParser();
    private PythonRunner python;
    private Javalin app;

    /** A server bound to the loopback interface only, with the default run settings. */
    public WasiPlayServer() {
        this("127.0.0.1", RunSettings.defaults());
    }

    /**
     * @param host         the address to bind: an address or host name of this machine, "0.0.0.0" for all
     * @param runTimeLimit how long one {@code POST /api/run} may run python before it is stopped
     */
    public WasiPlayServer(String host, Duration runTimeLimit) {
        this(host, RunSettings.defaults().withTimeout(Objects.requireNonNull(runTimeLimit, "runTimeLimit")));
    }

    /**
     * @param host        the address to bind: an address or host name of this machine, "0.0.0.0" for all
     * @param runSettings the limits of each {@code POST /api/run} and how many run at once
     */
    public WasiPlayServer(String host, RunSettings runSettings) {
        this.host = Objects.requireNonNull(host, "host");
        this.runSettings = Objects.requireNonNull(runSettings, "runSettings");
    }

    /**
     * Starts serving on {@code port} (0 picks a free port) and starts parsing python.wasm in the background.
     *
     * @return the port the server is bound to
     */
    public synchronized int start(int port) {
        if (app != null) {
            throw new IllegalStateException("already started on port " + app.port());
        }
        python = new PythonRunner(runSettings);
        python.warmUpInBackground();
        try {
            app = Javalin.create(this::configure).start(host, port);
        } catch (RuntimeException e) {
            python.shutdown();
            throw e;
        }
        return app.port();
    }

    /** Stops serving; does nothing if the server is not running. */
    public synchronized void stop() {
        if (app != null) {
            app.stop();
            app = null;
            python.shutdown();
        }
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/public"; // static/ from this module plus web-client's worker script
            files.location = Location.CLASSPATH;
            files.headers = Map.of(Header.CACHE_CONTROL, "no-cache");
        });

        config.routes.before(WasiPlayServer::addCrossOriginIsolationHeaders);
        config.routes.get("/api/runtimes", this::listRuntimes);
        config.routes.post("/api/run", this::run);
        config.routes.get("/runtimes/{fileName}", WasiPlayServer::serveRuntime);
        config.routes.head("/runtimes/{fileName}", WasiPlayServer::serveRuntime);

        config.routes.exception(BadRequestException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        config.routes.exception(RunPoolFullException.class, (e, ctx) -> {
            ctx.header(Header.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
            error(ctx, 503, e.getMessage());
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (isApi(ctx) && e.getStatus() == 404) {
                error(ctx, 404, "no API route " + ctx.method().name() + " " + ctx.path()
                        + "; the API is GET /api/runtimes and POST /api/run");
            } else if (isApi(ctx)) {
                error(ctx, e.getStatus(), e.getMessage());
            } else {
                HttpResponseExceptionMapper.INSTANCE.handle(e, ctx);
            }
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal server error: " + describe(e));
        });
    }

    /** COOP + COEP make the page cross-origin isolated; CORP lets it load our own subresources under COEP. */
    private static void addCrossOriginIsolationHeaders(Context ctx) {
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Embedder-Policy", "require-corp");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    }

    private void listRuntimes(Context ctx) {
        Map<String, Object> runtimes = new LinkedHashMap<>();
        for (BundledRuntime runtime : BundledRuntimes.all()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("url", "/runtimes/" + runtime.fileName());
            entry.put("version", runtime.version());
            entry.put("sha256", runtime.sha256());
            entry.put("size", runtime.size());
            runtimes.put(runtime.name(), entry);
        }
        ctx.json(runtimes);
    }

    private void run(Context ctx) throws IOException, InterruptedException {
        RunRequest request = runRequests.parse(readBody(ctx, MAX_RUN_REQUEST_BYTES));
        ctx.json(python.run(request));
    }

    /** The bundled runtimes; their file names hold a content hash, so they are cached for good. */
    private static void serveRuntime(Context ctx) {
        String fileName = ctx.pathParam("fileName");
        BundledRuntime runtime = BundledRuntimes.all().stream()
                .filter(r -> r.fileName().equals(fileName))
                .findFirst()
                .orElseThrow(() -> new NotFoundResponse("no bundled runtime named " + fileName));
        String etag = "\"" + runtime.sha256() + "\"";
        ctx.header(Header.CACHE_CONTROL, "public, max-age=31536000, immutable");
        ctx.header(Header.ETAG, etag);
        if (etag.equals(ctx.header(Header.IF_NONE_MATCH))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/wasm");
        // Sent as is: the exact Content-Length lets the worker show download progress.
        ctx.minSizeForCompression(Integer.MAX_VALUE);
        ctx.header(Header.CONTENT_LENGTH, Long.toString(runtime.size()));
        if (!"HEAD".equals(ctx.method().name())) {
            ctx.result(runtime.open());
        }
    }

    private static byte[] readBody(Context ctx, int limit) throws IOException {
        String tooLarge = "the request body is larger than " + limit + " bytes";
        long declaredLength = ctx.req().getContentLengthLong();
        if (declaredLength > limit) {
            throw new BadRequestException(413, tooLarge);
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new BadRequestException(413, tooLarge);
            }
            return body;
        }
    }

    private static boolean isApi(Context ctx) {
        return ctx.path().equals("/api") || ctx.path().startsWith("/api/");
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
