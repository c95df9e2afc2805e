package dev.wasiplay.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasiplay.host.RunOutcome;
import dev.wasiplay.host.parity.EngineRun;
import dev.wasiplay.host.parity.ParityReport;
import dev.wasiplay.runtimes.BundledRuntime;
import dev.wasiplay.runtimes.BundledRuntimes;
import dev.wasiplay.server.store.Database;
import dev.wasiplay.server.store.ModuleStore;
import dev.wasiplay.server.store.SnippetStore;
import dev.wasiplay.server.store.StoreException;
import io.javalin.Javalin;
import io.javalin.compression.Brotli;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.CompressionType;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.exception.HttpResponseExceptionMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WasiPlay HTTP server: the pages and their assets (with the worker script from web-client), the
 * bundled runtimes, the run API, snippets and uploaded modules in a SQL database, and health. Every
 * response carries the cross-origin isolation headers, so the page can use SharedArrayBuffer.
 *
 * <pre>
 * var server = new WasiPlayServer();   // loopback, defaults, a temporary data directory
 * int port = server.start(0);          // 0 = any free port
 * ...
 * server.stop();
 * </pre>
 */
public final class WasiPlayServer {

    /** Largest accepted JSON request body by default: 1 MiB. */
    public static final int MAX_RUN_REQUEST_BYTES = ServerConfig.DEFAULT_MAX_BODY_BYTES;

    /** How long one server run may take before it is stopped: 2 minutes. */
    public static final Duration DEFAULT_RUN_TIME_LIMIT = RunSettings.DEFAULT_TIMEOUT;

    /** Parsed uploaded modules kept in memory, by the size of their wasm. */
    private static final long MODULE_CACHE_BYTES = 128L << 20;
    private static final long RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(WasiPlayServer.class);

    private final ServerConfig config;
    private final WorkspaceParser workspaces = new WorkspaceParser();
    private PythonRunner python;
    private Path temporaryDataDir;
    private Database database;
    private ModuleCache moduleCache;
    private RateLimiter rateLimiter;
    private Javalin app;

    /** A server bound to the loopback interface only, with the defaults and a temporary data directory. */
    public WasiPlayServer() {
        this(ServerConfig.builder().build());
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
     * @param runSettings the limits of each {@code POST /api/run} and how many run at once (other settings default)
     */
    public WasiPlayServer(String host, RunSettings runSettings) {
        this(ServerConfig.builder().host(host).runSettings(runSettings).build());
    }

    public WasiPlayServer(ServerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Opens the database (migrating it), starts serving on {@code port} (0 picks a free port) and starts
     * parsing python.wasm in the background.
     *
     * @return the port the server is bound to
     */
    public synchronized int start(int port) {
        if (app != null) {
            throw new IllegalStateException("already started on port " + app.port());
        }
        try {
            database = openDatabase();
            log.info("snippets and modules are stored in the {}", database.description());
            SnippetStore snippets = new SnippetStore(database);
            ModuleStore modules = new ModuleStore(database);
            moduleCache = new ModuleCache(modules, MODULE_CACHE_BYTES);
            rateLimiter = config.rateLimitPerMinute() > 0 ? new RateLimiter(config.rateLimitPerMinute()) : null;
            StaticAssets assets = StaticAssets.load(WasiPlayServer.class.getClassLoader(), "public");
            Pages pages = new Pages(assets, snippets);
            SnippetApi snippetApi = new SnippetApi(snippets, modules, config.maxBodyBytes());
            ModuleApi moduleApi = new ModuleApi(modules, moduleCache, config.maxModuleBytes());

            python = new PythonRunner(config.runSettings()); // its executor starts CPython instances at once
            app = Javalin.create(javalin -> configure(javalin, pages, snippetApi, moduleApi)).start(config.host(), port);
        } catch (RuntimeException e) {
            app = null;
            release();
            throw e;
        }
        return app.port();
    }

    /** Stops serving and closes the database; does nothing if the server is not running. */
    public synchronized void stop() {
        if (app != null) {
            app.stop();
            app = null;
            release();
        }
    }

    private Database openDatabase() {
        if (config.databaseUrl() != null) {
            return Database.open(config.databaseUrl(), config.databaseUser(), config.databasePassword(),
                    config.databaseWait());
        }
        Path dataDir = config.dataDir();
        if (dataDir == null) {
            try {
                temporaryDataDir = Files.createTempDirectory("wasiplay-data-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary data directory", e);
            }
            dataDir = temporaryDataDir;
        }
        try {
            return Database.openEmbedded(dataDir, config.databaseWait());
        } catch (StoreException e) {
            if (e.getMessage().contains("already in use")) {
                throw new StoreException("the data directory " + dataDir.toAbsolutePath() + " is in use by another "
                        + "WasiPlay server (the embedded H2 database allows one process; several servers need "
                        + "PostgreSQL through WASIPLAY_DB_URL)", e);
            }
            throw e;
        }
    }

    private void release() {
        if (python != null) {
            python.shutdown();
            python = null;
        }
        if (moduleCache != null) {
            moduleCache.close();
            moduleCache = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
        if (temporaryDataDir != null) {
            deleteRecursively(temporaryDataDir);
            temporaryDataDir = null;
        }
    }

    private void configure(JavalinConfig javalin, Pages pages, SnippetApi snippetApi, ModuleApi moduleApi) {
        javalin.startup.showJavalinBanner = false;
        javalin.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
        javalin.http.compressionStrategy = compressionStrategy();

        javalin.routes.before(Pages::addSecurityHeaders);
        javalin.routes.before(this::limitRate);
        javalin.routes.get("/api/health", this::health);
        javalin.routes.head("/api/health", this::health);
        javalin.routes.get("/api/runtimes", this::listRuntimes);
        javalin.routes.post("/api/run", this::run);
        javalin.routes.post("/api/compare", this::compare);
        snippetApi.register(javalin.routes);
        moduleApi.register(javalin.routes);
        javalin.routes.get("/runtimes/{fileName}", RuntimeDownloads::serve);
        javalin.routes.head("/runtimes/{fileName}", RuntimeDownloads::serve);
        pages.register(javalin.routes);
        pages.registerStaticFiles(javalin.routes);

        javalin.routes.exception(ApiException.class, (e, ctx) -> {
            if (e.retryAfterSeconds() > 0) {
                ctx.header(Header.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            }
            error(ctx, e.status(), e.getMessage());
        });
        javalin.routes.exception(StoreException.class, (e, ctx) -> {
            log.error("{} {}: {}", ctx.method(), ctx.path(), e.getMessage(), e);
            if (e.unavailable()) {
                ctx.header(Header.RETRY_AFTER, Long.toString(RETRY_AFTER_UNAVAILABLE_SECONDS));
                error(ctx, 503, "the database is unavailable: " + e.getMessage());
            } else {
                error(ctx, 500, "the database failed: " + e.getMessage());
            }
        });
        javalin.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (isApi(ctx) && e.getStatus() == 404) {
                error(ctx, 404, "no API route " + ctx.method().name() + " " + ctx.path() + "; the API is "
                        + "POST /api/run, POST /api/compare, POST /api/snippets, GET /api/snippets/{id}, POST /api/modules, "
                        + "GET /api/modules/{sha256}, GET /api/runtimes and GET /api/health");
            } else if (isApi(ctx)) {
                error(ctx, e.getStatus(), e.getMessage());
            } else {
                HttpResponseExceptionMapper.INSTANCE.handle(e, ctx);
            }
        });
        javalin.routes.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal server error: " + describe(e));
        });
    }

    /** Brotli (when its native library loads here) before gzip, whatever order the client lists them in. */
    private static CompressionStrategy compressionStrategy() {
        if (!StaticAssets.brotliAvailable()) {
            return CompressionStrategy.GZIP;
        }
        CompressionStrategy strategy = new CompressionStrategy(new Brotli(4), new Gzip(6));
        strategy.setPreferredCompressors(List.of(CompressionType.BR, CompressionType.GZIP));
        return strategy;
    }

    /** POSTs to the API count against the client address's allowance: 429 with Retry-After past it. */
    private void limitRate(Context ctx) {
        if (rateLimiter == null || ctx.method() != HandlerType.POST || !isApi(ctx)) {
            return;
        }
        long waitSeconds = rateLimiter.acquire(clientAddress(ctx));
        if (waitSeconds > 0) {
            throw new ApiException(429, "too many requests from your address: at most "
                    + config.rateLimitPerMinute() + " per minute; try again in " + waitSeconds + " s", waitSeconds);
        }
    }

    /** The peer's address, or the last hop in the configured header (e.g. X-Forwarded-For from a load balancer). */
    private String clientAddress(Context ctx) {
        String header = config.clientAddressHeader();
        String value = header == null ? null : ctx.header(header);
        if (value != null) {
            String[] hops = value.split(",");
            String last = hops[hops.length - 1].trim();
            if (!last.isEmpty()) {
                return last;
            }
        }
        return ctx.ip();
    }

    /** 200 while the database answers; 503 with Retry-After when it does not (for load balancers). */
    private void health(Context ctx) {
        try {
            database.checkHealth();
        } catch (StoreException e) {
            throw new ApiException(503, "unhealthy: " + e.getMessage(), RETRY_AFTER_UNAVAILABLE_SECONDS);
        }
        ctx.header(Header.CACHE_CONTROL, "no-store");
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("status", "ok");
        answer.put("database", database.vendor().name());
        ctx.json(answer);
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
        RunBody body = RunBody.parse(workspaces.readJson(HttpBodies.read(ctx, config.maxBodyBytes())), workspaces, false);
        ctx.json(python.run(body.workspace(), moduleCache.moduleFor(body.workspace()), body.seed()));
    }

    /** Runs the workspace here and answers the parity report against the browser's run sent with it. */
    private void compare(Context ctx) throws IOException, InterruptedException {
        // room for the workspace and the browser's stdout and stderr, each up to the JSON limit
        CompareRequest request = CompareRequest.parse(HttpBodies.read(ctx, (int) Math.min(3L * config.maxBodyBytes(), Integer.MAX_VALUE - 8)), workspaces);
        Workspace workspace = request.run().workspace();
        RunOutcome outcome = python.execute(workspace, moduleCache.moduleFor(workspace), request.run().seed());
        ParityReport report = ParityReport.compare(request.browser(),
                EngineRun.of("server", outcome, workspace.files()), request.run().seed());
        ctx.contentType("application/json").result(report.toJson());
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

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("could not delete the temporary data directory {}: {}", dir, e.getMessage());
        }
    }
}
