package dev.wasiplay.cli;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.wasiplay.host.RunLimits;
import dev.wasiplay.polyfill.vfs.TarImage;
import dev.wasiplay.polyfill.vfs.VirtualFileSystem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a module in headless Chromium through WasiPlay's worker (the TeaVM-compiled polyfill): a loopback HTTP server
 * in this process serves a small cross-origin-isolated page, the worker scripts from the web-client jar and the
 * module's bytes; Playwright drives Debian's Chromium, with Playwright's driver on the machine's own Node.js.
 *
 * <p>Output is passed on as the worker posts it (in small batches). stdin is the bytes given up front, decoded as
 * UTF-8 (the worker protocol carries text). The time limit is the page's: it terminates the worker. A run may start
 * from a filesystem image (fetched by the page from {@code /image.tar}); the tree the worker posts after such a run
 * (its {@code fs} message) comes back to this process as {@code POST /fs}.
 */
final class BrowserEngine implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--no-first-run");
    private static final String PAGE = "dev/wasiplay/cli/browser-run.html";
    private static final String WORKER_SCRIPTS = "public/js/";

    private final HttpServer http;
    private volatile byte[] module = new byte[0];
    /** The image the worker starts from (served at /image.tar), and the one it posted back after the run (POST /fs). */
    private volatile byte[] image;
    private volatile byte[] imageAfterRun;
    private Playwright playwright;
    private Browser browser;

    private BrowserEngine(HttpServer http) {
        this.http = http;
    }

    /** Starts the loopback server, Playwright's driver and Chromium. */
    static BrowserEngine start() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IOException("--engine browser needs Chromium at " + CHROMIUM + " (apt-get install chromium)");
        }
        Path node = findOnPath("node");
        if (node == null) {
            throw new IOException("--engine browser needs Node.js (node on the PATH) to drive Chromium");
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        BrowserEngine engine = new BrowserEngine(http);
        http.createContext("/", engine::serve);
        http.start();
        try {
            engine.playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
                    "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
                    "PLAYWRIGHT_NODEJS_PATH", node.toString())));
            engine.browser = engine.playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(CHROMIUM_ARGS));
        } catch (PlaywrightException e) {
            engine.close();
            throw new IOException("could not start Chromium: " + firstLine(e.getMessage()), e);
        }
        return engine;
    }

    /**
     * Runs the module with an empty "/" and no tree handed back; see {@link #run(byte[], GuestInput, byte[], byte[],
     * List, OutputStream, OutputStream)}.
     */
    EngineResult run(byte[] moduleBytes, GuestInput input, byte[] stdin, OutputStream out, OutputStream err)
            throws IOException {
        return run(moduleBytes, input, stdin, null, List.of(), out, err);
    }

    /**
     * Runs the module to its end (or its time limit) and returns how it ended; output goes to {@code out} and
     * {@code err} as it arrives.
     *
     * @param startImage a {@code TarImage} the worker's tree starts from, or null for an empty tree
     * @param preopens   guest names of the directories to preopen (wasi-host's rules); none means "/"
     * @return the result, with the tree the worker posted after the run (null when the worker was terminated at the
     *         time limit and could not post it)
     * @throws IOException when the worker could not run it at all (its error message says why)
     */
    EngineResult run(byte[] moduleBytes, GuestInput input, byte[] stdin, byte[] startImage, List<String> preopens,
            OutputStream out, OutputStream err) throws IOException {
        module = moduleBytes;
        image = startImage;
        imageAfterRun = null;
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", "run");
        request.put("wasmUrl", "/module.wasm");
        request.put("argv", input.argv());
        if (!preopens.isEmpty()) {
            request.put("preopens", preopens);
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String[] variable : input.env()) {
            env.put(variable[0], variable[1]);
        }
        request.put("env", env);
        request.put("stdin", new String(stdin, StandardCharsets.UTF_8));
        if (input.limits().maxMemoryPages() < RunLimits.MAX_PAGES) {
            // Playwright passes numbers as doubles (it refuses a Long).
            request.put("limits", Map.of("maxMemoryBytes", (double) input.limits().maxMemoryPages() * 65536));
        }
        if (input.seed() != null) {
            request.put("deterministic", Map.of("seed", (double) input.seed()));
        }
        Duration timeout = input.limits().timeout();
        String timeoutMessage = timeout == null ? "" : "time limit exceeded: the run was stopped after " + RunLimits.describe(timeout);

        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        Page page = browser.newPage();
        try {
            page.exposeFunction("wasiplayOutput", args -> {
                for (Object item : (List<?>) args[0]) {
                    List<?> pair = (List<?>) item;
                    byte[] bytes = ((String) pair.get(1)).getBytes(StandardCharsets.UTF_8);
                    boolean toStdout = "stdout".equals(pair.get(0));
                    write(toStdout ? capturedOut : capturedErr, toStdout ? out : err, bytes);
                }
                return null;
            });
            page.navigate("http://127.0.0.1:" + http.getAddress().getPort() + "/");
            Object answer = page.evaluate(
                    "([request, timeoutMs, message, imageUrl]) => runInWorker(request, timeoutMs, message, imageUrl)",
                    List.of(request, timeout == null ? 0.0 : (double) timeout.toMillis(), timeoutMessage,
                            startImage == null ? "" : "/image.tar"));
            Map<?, ?> result = (Map<?, ?>) answer;
            if (result.get("error") != null) {
                throw new IOException("the browser could not run it: " + result.get("error"));
            }
            String status = (String) result.get("status");
            if ("timeout".equals(status)) {
                // The worker was terminated: say why on stderr, as wasi-host does.
                byte[] captured = capturedErr.toByteArray();
                boolean atLineStart = captured.length == 0 || captured[captured.length - 1] == '\n';
                write(capturedErr, err, ((atLineStart ? "" : "\n") + timeoutMessage + "\n").getBytes(StandardCharsets.UTF_8));
            }
            VirtualFileSystem tree = null;
            if (Boolean.TRUE.equals(result.get("treePosted"))) {
                tree = new VirtualFileSystem();
                try {
                    TarImage.extract(imageAfterRun, tree);
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new IOException("the browser handed back a file tree that cannot be read: " + e.getMessage(), e);
                }
            }
            Object duration = result.get("durationMs");
            return new EngineResult(((Number) result.get("exitCode")).intValue(), status, capturedOut.toByteArray(),
                    capturedErr.toByteArray(), duration instanceof Number n ? Math.round(n.doubleValue()) : 0, tree);
        } catch (PlaywrightException e) {
            throw new IOException("the browser failed: " + firstLine(e.getMessage()), e);
        } finally {
            page.close();
        }
    }

    private static void write(ByteArrayOutputStream capture, OutputStream stream, byte[] bytes) {
        capture.writeBytes(bytes);
        try {
            stream.write(bytes);
            stream.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page, the worker scripts and the module, all with the headers that make the page cross-origin isolated. */
    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            if (path.equals("/fs") && exchange.getRequestMethod().equals("POST")) {
                imageAfterRun = exchange.getRequestBody().readAllBytes();
                body = new byte[0];
                type = "text/plain";
            } else if (path.equals("/image.tar") && image != null) {
                body = image;
                type = "application/x-tar";
            } else if (path.equals("/")) {
                body = resource(PAGE);
                type = "text/html; charset=utf-8";
            } else if (path.equals("/module.wasm")) {
                body = module;
                type = "application/wasm";
            } else if (path.startsWith("/js/") && path.endsWith(".js") && !path.contains("..")) {
                body = resource(WORKER_SCRIPTS + path.substring("/js/".length()));
                type = "text/javascript";
            } else {
                body = null;
                type = "text/plain";
            }
            exchange.getResponseHeaders().set("Cross-Origin-Opener-Policy", "same-origin");
            exchange.getResponseHeaders().set("Cross-Origin-Embedder-Policy", "require-corp");
            exchange.getResponseHeaders().set("Cross-Origin-Resource-Policy", "same-origin");
            exchange.getResponseHeaders().set("Content-Type", type);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BrowserEngine.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static Path findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }

    @Override
    public void close() {
        try {
            if (playwright != null) {
                playwright.close();
            }
        } finally {
            http.stop(0);
        }
    }
}
