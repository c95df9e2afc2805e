package dev.wasiplay.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Running in the browser's worker: the first download, streamed and coloured output, Stop. */
class RunInBrowserTest {
    private static Playground playground;

    @BeforeAll
    static void start() {
        playground = Playground.shared();
    }

    @Test
    void firstRunShowsDownloadProgressThenOutputStreamsWithStreamsAndColoursDistinct() throws Exception {
        try (PlaygroundPage p = playground.open()) {
            List<String> wasmEncodings = new CopyOnWriteArrayList<>();
            p.page.onResponse(response -> {
                if (response.url().endsWith(".wasm")) {
                    wasmEncodings.add(String.valueOf(response.headerValue("content-encoding")));
                }
            });
            // Watches the progress bar, which is visible only while python.wasm downloads.
            p.page.evaluate("() => { window.__progress = []; const bar = document.getElementById('progress');"
                    + " new MutationObserver(() => { if (!bar.hidden) window.__progress.push({value: bar.value, max: bar.max,"
                    + " text: document.getElementById('progress-text').textContent}); })"
                    + ".observe(bar, {attributes: true}); }");
            p.setCode(String.join("\n",
                    "import sys, time",
                    "for i in range(3):",
                    "    print('tick', i, flush=True)",
                    "    time.sleep(0.5)",
                    "print('\\033[31mred\\033[0m and \\033[1;32mbold green\\033[0m plain')",
                    "print('a warning', file=sys.stderr)",
                    ""));

            p.byId("run-browser").click();
            assertThat(p.byId("browser-console")).containsText("tick 0",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(PlaygroundPage.SLOW_MS));
            assertTrue(p.byId("stop").isEnabled(), "the first line is shown while the program still runs");
            assertFalse(p.output("browser", "stdout").contains("tick 2"), p.output("browser", "stdout"));
            p.waitUntilIdle();

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> progress = (List<Map<String, Object>>) p.page.evaluate("() => window.__progress");
            assertTrue(progress.stream().anyMatch(step -> ((Number) step.get("max")).doubleValue() > 13_000_000
                    && ((Number) step.get("value")).doubleValue() > 0), "the download progress was shown: " + progress);
            assertTrue(progress.stream().anyMatch(step -> String.valueOf(step.get("text")).matches(
                    "Downloading python\\.wasm: [0-9.]+ / 12\\.7 MB")), progress.toString());
            assertThat(p.byId("progress")).isHidden();
            // python.wasm came compressed, yet the bar counted up to its exact uncompressed size
            assertEquals(1, wasmEncodings.size(), wasmEncodings.toString());
            assertTrue(List.of("br", "gzip").contains(wasmEncodings.get(0)), wasmEncodings.toString());
            assertTrue(progress.stream().anyMatch(step -> ((Number) step.get("max")).doubleValue() == 13_343_680
                    && ((Number) step.get("value")).doubleValue() == 13_343_680), progress.toString());

            assertEquals("tick 0\ntick 1\ntick 2\nred and bold green plain\n", p.output("browser", "stdout"));
            assertEquals("a warning\n", p.output("browser", "stderr"));
            assertEquals("0", p.text("browser-exit"));
            assertTrue(p.text("browser-time").matches("\\d+ ms|[0-9.]+ s"), p.text("browser-time"));
            assertTrue(p.text("browser-total").matches("\\d+ ms|[0-9.]+ s"), p.text("browser-total"));
            assertThat(p.byId("status")).hasText(java.util.regex.Pattern.compile("^Done in [0-9.]+ s$"));

            assertThat(p.page.locator("#browser-console .ansi-fg-1")).hasText("red");
            assertThat(p.page.locator("#browser-console .ansi-fg-2.ansi-bold")).hasText("bold green");
            assertFalse(p.byId("browser-console").textContent().contains("\u001b"), "escape codes are not shown raw");
            assertFalse(p.byId("browser-console").textContent().contains("[31m"), "escape codes are not shown raw");
            String stdoutColor = (String) p.page.locator("#browser-console .out").first().evaluate("e => getComputedStyle(e).color");
            String stderrColor = (String) p.page.locator("#browser-console .err").first().evaluate("e => getComputedStyle(e).color");
            assertNotEquals(stdoutColor, stderrColor, "stderr looks different from stdout");
            p.screenshot("run-streams-and-colours");

            // The worker keeps the compiled module: the next run downloads nothing.
            p.page.evaluate("() => { window.__progress = []; }");
            p.setCode("print('again')\n");
            p.runInBrowser();
            assertEquals("again\n", p.output("browser", "stdout"));
            assertEquals(List.of(), p.page.evaluate("() => window.__progress"));
            p.assertNoCspViolations();
        }
    }

    @Test
    void stopEndsTheWorkerAtOnceAndTheNextRunWorks() {
        try (PlaygroundPage p = playground.open()) {
            AtomicInteger workersStarted = new AtomicInteger();
            AtomicInteger workersEnded = new AtomicInteger();
            p.page.onWorker(worker -> {
                workersStarted.incrementAndGet();
                worker.onClose(w -> workersEnded.incrementAndGet());
            });
            p.setCode("print('spinning', flush=True)\nwhile True:\n    pass\n");

            p.byId("run-browser").click();
            assertThat(p.byId("browser-console")).containsText("spinning",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(PlaygroundPage.SLOW_MS));
            p.byId("stop").click();

            assertThat(p.byId("status")).hasText("Stopped");
            assertThat(p.byId("browser-error")).hasText("Stopped.");
            assertThat(p.byId("stop")).isDisabled();
            p.page.waitForCondition(() -> workersEnded.get() == 1, new Page.WaitForConditionOptions().setTimeout(10_000));

            p.setCode("print('after stop')\n");
            p.runInBrowser();
            assertEquals("after stop\n", p.output("browser", "stdout"));
            assertEquals("0", p.text("browser-exit"));
            assertEquals(2, workersStarted.get(), "Stop ended the first worker; the next run started a new one");
            assertEquals(1, workersEnded.get());
        }
    }
}
