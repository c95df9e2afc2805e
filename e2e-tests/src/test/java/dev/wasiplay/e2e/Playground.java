package dev.wasiplay.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.wasiplay.server.WasiPlayServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The real server on a free loopback port and Debian's Chromium driven by Playwright, shared by the
 * tests of one class. Chromium missing is a failure, never a skip: the test command installs it.
 */
final class Playground implements AutoCloseable {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--no-first-run");

    final WasiPlayServer server;
    final int port;
    final Playwright playwright;
    final Browser browser;

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

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A fresh page on the playground, with console errors echoed to the test log. */
    Page open() {
        Page page = browser.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                System.err.println("[page console] " + m.text());
            }
        });
        page.onPageError(e -> System.err.println("[page error] " + e));
        page.navigate(url("/"));
        return page;
    }

    /** Saves a screenshot under target/screenshots for people to look at. */
    static void screenshot(Page page, String name) {
        Path dir = Paths.get(System.getProperty("wasiplay.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        try {
            browser.close();
            playwright.close();
        } finally {
            server.stop();
        }
    }
}
