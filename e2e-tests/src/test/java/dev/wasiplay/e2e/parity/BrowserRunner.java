package dev.wasiplay.e2e.parity;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import dev.wasiplay.e2e.Playground;
import dev.wasiplay.e2e.parity.ParityCase.Kind;
import dev.wasiplay.runtimes.BundledRuntimes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The browser's engine: the TeaVM-compiled polyfill in the web-client worker, on Chromium's wasm engine, as the
 * playground page uses it. One page of the real server's origin (its HTML given by the test, the worker and
 * python.wasm served by the server) and one worker run every case in turn; the worker compiles python.wasm
 * once, and each C module is compiled once by the page. Each run gets a fresh file system with the case's
 * guest files, its argv and stdin, an empty environment, and a time limit after which the worker is terminated.
 *
 * <p>Playwright objects belong to the thread that created them: call {@link #run} from the thread that first
 * asked for {@link Playground#shared()} (the test thread).
 */
public final class BrowserRunner implements AutoCloseable {
    public static final String ENGINE = "browser";
    private static final String PAGE_PATH = "/__parity/engine-runner.html";

    private final Playground playground;
    private final BrowserContext context;
    private final Page page;
    private final Map<String, Path> compiledC;
    private final Duration limit;
    private final java.util.Set<String> modulesSent = new java.util.HashSet<>();

    public BrowserRunner(Playground playground, Map<String, Path> compiledC, Duration limit) {
        this.playground = playground;
        this.compiledC = Map.copyOf(compiledC);
        this.limit = limit;
        String html = resource("engine-runner.html");
        context = playground.chromium().newContext();
        context.route(playground.url(PAGE_PATH), route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200)
                .setContentType("text/html; charset=utf-8")
                // Cross-origin isolation, as the playground page has: SharedArrayBuffer for binary stdin, and
                // time.sleep blocking in Atomics.wait.
                .setHeaders(Map.of("Cross-Origin-Opener-Policy", "same-origin",
                        "Cross-Origin-Embedder-Policy", "require-corp"))
                .setBody(html)));
        page = context.newPage();
        page.navigate(playground.url(PAGE_PATH));
        Object isolated = page.evaluate("() => globalThis.crossOriginIsolated === true");
        if (!Boolean.TRUE.equals(isolated)) {
            throw new IllegalStateException("the parity runner page is not cross-origin isolated");
        }
    }

    /** Runs the case; never throws for what the guest does. */
    public EngineRun run(ParityCase c, boolean deterministic) {
        long started = System.nanoTime();
        Map<String, Object> request = new HashMap<>();
        request.put("argv", c.argv());
        Map<String, String> files = new HashMap<>();
        for (Map.Entry<String, byte[]> file : c.guestFiles().entrySet()) {
            if (!RunComparison.isUtf8(file.getValue())) {
                throw new IllegalStateException(c.id() + ": the run message carries files as text; " + file.getKey()
                        + " is not UTF-8");
            }
            files.put(file.getKey(), new String(file.getValue(), StandardCharsets.UTF_8));
        }
        request.put("files", files);
        byte[] stdin = c.stdin();
        if (RunComparison.isUtf8(stdin)) {
            request.put("stdinText", new String(stdin, StandardCharsets.UTF_8));
        } else {
            request.put("stdinBase64", Base64.getEncoder().encodeToString(stdin));
        }
        if (c.kind() == Kind.PYTHON) {
            request.put("wasmUrl", "/runtimes/" + BundledRuntimes.python().fileName());
        } else {
            request.put("moduleId", c.id() + ".wasm");
            request.put("moduleBase64", modulesSent.contains(c.id()) ? "" : Base64.getEncoder().encodeToString(bytes(c)));
            modulesSent.add(c.id());
        }
        request.put("deterministic", deterministic);
        request.put("timeoutMs", (int) limit.toMillis());
        Map<?, ?> r;
        try {
            r = (Map<?, ?>) page.evaluate("request => window.parityRun(request)", request);
        } catch (RuntimeException e) {
            return EngineRun.failed(ENGINE, "the page failed: " + e.getMessage(), (System.nanoTime() - started) / 1_000_000);
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        byte[] stdout = ((String) r.get("stdout")).getBytes(StandardCharsets.UTF_8);
        byte[] stderr = ((String) r.get("stderr")).getBytes(StandardCharsets.UTF_8);
        if (r.get("failure") != null) {
            return EngineRun.failed(ENGINE, (String) r.get("failure"), ms);
        }
        Object image = r.get("imageBase64");
        var tree = image == null ? new TreeMap<String, String>() : FileTree.ofTarImage(Base64.getDecoder().decode((String) image));
        return new EngineRun(ENGINE, image == null ? "the worker posted no fs image" : null,
                ((Number) r.get("exitCode")).intValue(), (String) r.get("status"), (String) r.get("message"),
                stdout, true, stderr, true, tree, ms);
    }

    private byte[] bytes(ParityCase c) {
        Path file = compiledC.get(c.id());
        if (file == null) {
            throw new IllegalStateException("no compiled module for " + c.id());
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = BrowserRunner.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
