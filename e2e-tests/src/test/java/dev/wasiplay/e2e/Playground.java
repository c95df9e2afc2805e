package dev.wasiplay.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.wasiplay.server.WasiPlayServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The real server on a free loopback port and Debian's Chromium driven by Playwright, started once and shared
 * by every test class of the run (closed when the JVM exits). Chromium missing is a failure, never a skip:
 * the test command installs it.
 */
public final class Playground implements AutoCloseable {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--no-first-run");

    private static Playground shared;

    final WasiPlayServer server;
    final int port;
    final Playwright playwright;
    final Browser browser;

    /** The playground every test class uses; started by the first one. */
    public static synchronized Playground shared() {
        if (shared == null) {
            shared = new Playground();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    Playground() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: run ./wasiplay test, which installs "
                    + "Debian's chromium, or apt-get install -y chromium");
        }
        server = new WasiPlayServer();
        port = server.start(0);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(CHROMIUM_ARGS));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The shared Chromium, for tests in other packages (the parity corpus's browser runner). */
    public Browser chromium() {
        return browser;
    }

    /** The playground page in a fresh browser context (own cache, storage and service workers). */
    PlaygroundPage open() {
        return open(new Browser.NewContextOptions().setViewportSize(1400, 900));
    }

    PlaygroundPage open(Browser.NewContextOptions options) {
        return open(options, "/");
    }

    PlaygroundPage open(Browser.NewContextOptions options, String path) {
        return open(options, path, context -> { });
    }

    /** @param setup runs on the new context before the page opens (e.g. to route requests) */
    PlaygroundPage open(Browser.NewContextOptions options, String path, Consumer<BrowserContext> setup) {
        BrowserContext context = browser.newContext(options);
        setup.accept(context);
        return new PlaygroundPage(this, context, path);
    }

    /** Saves a screenshot under target/screenshots for people to look at. */
    static void screenshot(Page page, String name) {
        Path dir = Paths.get(System.getProperty("wasiplay.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public synchronized void close() {
        try {
            browser.close();
            playwright.close();
        } finally {
            server.stop();
        }
    }
}
