package dev.wasiplay.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.ColorScheme;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Examples, themes, the phone layout, labels and keyboard use, and failures explained. */
class PolishTest {
    private static Playground playground;

    @BeforeAll
    static void start() {
        playground = Playground.shared();
    }

    @Test
    void everyExampleLoadsAndTheyRunAsAdvertised() {
        try (PlaygroundPage p = playground.open()) {
            @SuppressWarnings("unchecked")
            List<String> ids = (List<String>) p.byId("examples").evaluate("s => [...s.options].map(o => o.value).filter(v => v)");
            assertEquals(List.of("hello", "input", "files", "json", "classes", "exceptions", "recursion", "unicode",
                    "colours", "benchmark"), ids);
            for (String id : ids) {
                p.loadExample(id);
                assertEquals("main.py", p.fileTabs().get(0), id);
                assertTrue(p.code().length() > 50, id);
            }
            p.loadExample("json");
            p.assertFileTabs("main.py", "people.json");
            p.runInBrowser();
            assertTrue(p.output("browser", "stdout").contains("\"adults\": [\n    \"Zoë\","), p.output("browser", "stdout"));

            p.loadExample("exceptions");
            p.runInBrowser();
            assertTrue(p.output("browser", "stdout").startsWith("caught: cannot take 25 from 10\nfinally runs either way\n"));
            String stderr = p.output("browser", "stderr");
            assertTrue(stderr.startsWith("Traceback (most recent call last):"), stderr);
            assertTrue(stderr.contains("The above exception was the direct cause of the following exception:"), stderr);
            assertTrue(stderr.endsWith("RuntimeError: bad config value 'forty-two'\n"), stderr);
            assertEquals("1", p.text("browser-exit"));
            p.screenshot("example-traceback");

            p.setCode("print('edited')\n");
            p.byId("examples").selectOption("unicode");
            assertThat(p.byId("confirm-dialog")).isVisible();
            p.byId("confirm-cancel").click();
            assertEquals("print('edited')\n", p.code(), "cancelling keeps the edited file");
        }
    }

    private static double backgroundLuminance(PlaygroundPage p) {
        return ((Number) p.page.evaluate("() => { const [r, g, b] = getComputedStyle(document.body).backgroundColor"
                + ".match(/\\d+/g).map(Number); return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; }")).doubleValue();
    }

    @Test
    void themesFollowTheSystemAndTheToggleIsRemembered() {
        try (PlaygroundPage p = playground.open(new Browser.NewContextOptions().setViewportSize(1400, 900)
                .setColorScheme(ColorScheme.DARK))) {
            assertThat(p.byId("theme")).hasText("Theme: auto");
            assertTrue(backgroundLuminance(p) < 0.2, "dark like the system");
            p.runInBrowser();
            p.screenshot("theme-dark");
            p.byId("theme").click();
            assertThat(p.byId("theme")).hasText("Theme: light");
            assertTrue(backgroundLuminance(p) > 0.8, "light when chosen");
            p.byId("theme").click();
            assertThat(p.byId("theme")).hasText("Theme: dark");
            p.navigate("/");
            assertThat(p.byId("theme")).hasText("Theme: dark");
            assertTrue(backgroundLuminance(p) < 0.2);
        }
        try (PlaygroundPage p = playground.open(new Browser.NewContextOptions().setViewportSize(1400, 900)
                .setColorScheme(ColorScheme.LIGHT))) {
            assertTrue(backgroundLuminance(p) > 0.8, "light like the system");
        }
    }

    @Test
    void onAPhoneNothingOverflowsAndEverythingIsReachable() {
        try (PlaygroundPage p = playground.open(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2))) {
            assertEquals(390, p.page.evaluate("() => document.documentElement.scrollWidth"), "no horizontal scrolling");
            for (String id : List.of("run-browser", "run-server", "compare", "stop", "examples", "runtime", "share")) {
                assertThat(p.byId(id)).isVisible();
            }
            p.byId("run-browser").tap();
            p.waitUntilIdle();
            assertTrue(p.output("browser", "stdout").startsWith("Hello from Python 3.12"), p.output("browser", "stdout"));
            assertEquals(390, p.page.evaluate("() => document.documentElement.scrollWidth"));
            p.screenshot("phone");
        }
    }

    @Test
    void everyControlHasANameAndTheKeyboardReachesTheEditorAndRuns() {
        try (PlaygroundPage p = playground.open()) {
            @SuppressWarnings("unchecked")
            List<String> unnamed = (List<String>) p.page.evaluate("() => [...document.querySelectorAll("
                    + "'button, input, select, textarea, [role=tab], [tabindex]')]"
                    + ".filter(e => e.offsetParent !== null || e.closest('dialog'))"
                    + ".filter(e => !(e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')"
                    + " || (e.labels && e.labels.length) || e.textContent.trim() || e.title))"
                    + ".map(e => e.outerHTML.slice(0, 80))");
            assertEquals(List.of(), unnamed, "controls without an accessible name");

            p.page.keyboard().press("Tab");
            assertThat(p.page.locator(".skip-link")).isFocused();
            p.page.keyboard().press("Enter");
            assertEquals("code", p.page.evaluate("() => document.querySelector('#editor-host').shadowRoot.activeElement?.id"));
            p.page.keyboard().press("Control+End");
            p.page.keyboard().type("print('typed')");
            p.page.keyboard().press("Control+Enter");
            p.waitUntilIdle();
            assertTrue(p.output("browser", "stdout").endsWith("typed\n"), p.output("browser", "stdout"));

            p.byId("tab-server").focus();
            p.page.keyboard().press("ArrowRight");
            assertThat(p.byId("tab-compare")).isFocused();
            assertThat(p.byId("comparison")).isVisible();

            p.setArgs("one");
            p.byId("args").press("Control+Enter");
            p.waitUntilIdle();
            assertTrue(p.output("browser", "stdout").contains("arguments: ['one']"), p.output("browser", "stdout"));
        }
    }

    /**
     * Failures are explained. The network failure and the full queue are produced by routing /api/run (the
     * second stands for the server's 503 + Retry-After and status fields of the limits issue, which this
     * server does not send yet).
     */
    @Test
    void failuresAreExplainedInWords() {
        try (PlaygroundPage p = playground.open()) {
            p.setCode("print('x')\n");
            p.setArgs("'unclosed");
            p.byId("run-browser").click();
            assertThat(p.byId("message")).hasText("Arguments: the ' at position 1 is never closed");
            assertThat(p.byId("run-browser")).isEnabled();
            p.setArgs("");

            p.page.route("**/api/run", Route::abort);
            p.runOnServer();
            assertThat(p.byId("server-error")).containsText("Server run: the server cannot be reached");
            assertThat(p.byId("server-error")).containsText("Is it still running?");
            assertThat(p.byId("status")).containsText("Failed after");
            p.page.unroute("**/api/run");

            p.page.route("**/api/run", route -> route.fulfill(new Route.FulfillOptions().setStatus(503)
                    .setHeaders(Map.of("Retry-After", "7", "Content-Type", "application/json"))
                    .setBody("{\"error\": \"all run slots are busy\"}")));
            p.runOnServer();
            assertThat(p.byId("server-error")).hasText("Server run: the server is busy running other programs (503). Try again in 7 s.");
            p.screenshot("error-server-busy");
            p.page.unroute("**/api/run");

            p.page.route("**/api/run", route -> route.fulfill(new Route.FulfillOptions().setStatus(200)
                    .setHeaders(Map.of("Content-Type", "application/json"))
                    .setBody("{\"stdout\": \"partial\\n\", \"stderr\": \"\", \"exitCode\": 137, \"durationMs\": 1000,"
                            + " \"status\": \"timeout\", \"message\": \"stopped after the 1 s limit\"}")));
            p.runOnServer();
            assertThat(p.byId("server-error")).hasText("Time limit exceeded: the server stopped the program: stopped after the 1 s limit");
            assertEquals("partial\n", p.output("server", "stdout"));
            assertEquals("137", p.text("server-exit"));
            p.page.unroute("**/api/run");
            p.assertNoCspViolations();
        }
    }
}
