package dev.wasiplay.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Debian's Chromium driven by Playwright for Java, which must never download a browser of its own. */
final class Chromium implements AutoCloseable {
    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--no-first-run");

    /**
     * Extra Chromium flags, space-separated, for profiling; commas in a {@code --js-flags=} value separate V8
     * flags (e.g. {@code --js-flags=--prof,--prof-sampling-interval=100}). See BENCHMARKS.md.
     */
    static final String EXTRA_ARGS_VARIABLE = "WASIPLAY_BENCH_CHROMIUM_FLAGS";

    final Playwright playwright;
    final Browser browser;

    Chromium() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE + " is missing: ./wasiplay bench installs Debian's chromium,"
                    + " or apt-get install -y chromium");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(args()));
    }

    private static List<String> args() {
        List<String> args = new ArrayList<>(ARGS);
        String extra = System.getenv(EXTRA_ARGS_VARIABLE);
        if (extra != null && !extra.isBlank()) {
            for (String flag : extra.trim().split("\\s+")) {
                args.add(flag.startsWith("--js-flags=") ? flag.replace(',', ' ') : flag);
            }
        }
        return args;
    }

    String version() {
        return browser.version();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
