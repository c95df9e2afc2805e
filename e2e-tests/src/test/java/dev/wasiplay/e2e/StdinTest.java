package dev.wasiplay.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Interactive stdin: input() asks inline in the output, with and without cross-origin isolation. */
class StdinTest {
    private static Playground playground;

    @BeforeAll
    static void start() {
        playground = Playground.shared();
    }

    private static Locator input(PlaygroundPage p) {
        return p.page.locator("[data-testid=stdin-input]");
    }

    private static LocatorAssertions.IsVisibleOptions slowVisible() {
        return new LocatorAssertions.IsVisibleOptions().setTimeout(PlaygroundPage.SLOW_MS);
    }

    @SuppressWarnings("unchecked")
    private static List<String> echoes(PlaygroundPage p) {
        return (List<String>) p.page.locator("#browser-console [data-stream=stdin]").evaluateAll("es => es.map(e => e.textContent)");
    }

    @Test
    void inputPromptsInTheOutputWaitsForTheUserAndCtrlDEndsIt() {
        try (PlaygroundPage p = playground.open()) {
            assertEquals(Boolean.TRUE, p.page.evaluate("() => crossOriginIsolated"));
            p.loadExample("input");
            p.byId("run-browser").click();

            assertThat(input(p)).isVisible(slowVisible());
            assertThat(input(p)).isFocused();
            assertThat(p.byId("browser-console")).containsText("What is your name? ");
            assertThat(p.byId("status")).containsText("Waiting for your input");
            p.screenshot("stdin-waiting");

            input(p).pressSequentially("Ada");
            input(p).press("Enter");
            assertThat(p.byId("browser-console")).containsText("Nice to meet you, Ada!");
            for (String number : List.of("2", "3.5", "x")) {
                assertThat(input(p)).isFocused();
                input(p).fill(number);
                input(p).press("Enter");
            }
            assertThat(p.byId("browser-console")).containsText("'x' is not a number, skipped");
            assertThat(input(p)).isFocused();
            input(p).press("Control+d");
            p.waitUntilIdle();

            assertTrue(p.output("browser", "stdout").endsWith("Sum: 5.5\n"), p.output("browser", "stdout"));
            assertEquals(List.of("Ada\n", "2\n", "3.5\n", "x\n", "[end of input]\n"), echoes(p));
            assertEquals("0", p.text("browser-exit"));
            assertThat(input(p)).hasCount(0);
            p.screenshot("stdin-answered");
        }
    }

    @Test
    void prefilledStdinIsTheWholeInputAndNothingIsAsked() {
        try (PlaygroundPage p = playground.open()) {
            p.loadExample("input");
            p.setStdin("Bob\n1\n2\n");
            p.runInBrowser();

            assertTrue(p.output("browser", "stdout").contains("Nice to meet you, Bob!"), p.output("browser", "stdout"));
            assertTrue(p.output("browser", "stdout").endsWith("Sum: 3\n"), p.output("browser", "stdout"));
            assertEquals(List.of(), echoes(p));
            assertEquals("0", p.text("browser-exit"));
        }
    }

    @Test
    void stopWhileTheProgramWaitsForInput() {
        try (PlaygroundPage p = playground.open()) {
            p.setCode("print(input('never answered? '))\n");
            p.byId("run-browser").click();
            assertThat(input(p)).isVisible(slowVisible());
            p.byId("stop").click();

            assertThat(p.byId("status")).hasText("Stopped");
            assertThat(input(p)).hasCount(0);
            p.setCode("print(input('again? '))\n");
            p.byId("run-browser").click();
            assertThat(input(p)).isVisible(slowVisible());
            input(p).fill("yes");
            input(p).press("Enter");
            p.waitUntilIdle();
            assertEquals("yes\n", p.output("browser", "stdout"));
        }
    }

    /**
     * Embedded in another site the page is not cross-origin isolated, so there is no SharedArrayBuffer: the
     * worker's synchronous request is answered by the stdin service worker instead. The test serves the page
     * without its isolation headers to get there.
     */
    @Test
    void withoutCrossOriginIsolationInputGoesThroughTheServiceWorker() {
        String pageUrl = playground.url("/");
        try (PlaygroundPage p = playground.open(new Browser.NewContextOptions().setViewportSize(1400, 900), "/",
                context -> context.route(pageUrl, route -> {
                    APIResponse response = route.fetch();
                    Map<String, String> headers = new LinkedHashMap<>(response.headers());
                    headers.remove("cross-origin-opener-policy");
                    headers.remove("cross-origin-embedder-policy");
                    route.fulfill(new Route.FulfillOptions().setResponse(response).setHeaders(headers));
                }))) {
            assertEquals(Boolean.FALSE, p.page.evaluate("() => crossOriginIsolated"));
            assertEquals("undefined", p.page.evaluate("() => typeof SharedArrayBuffer"));
            p.setCode("import sys\nprint('hello', input('Name? '))\ntry:\n    input()\nexcept EOFError:\n    print('end of input')\n");

            p.byId("run-browser").click();
            assertThat(input(p)).isVisible(slowVisible());
            assertThat(input(p)).isFocused();
            input(p).fill("Grace");
            input(p).press("Enter");
            assertThat(p.byId("browser-console")).containsText("hello Grace");
            p.page.locator("[data-testid=stdin-eof]").click(); // the button for keyboards without Ctrl+D
            p.waitUntilIdle();

            assertEquals("hello Grace\nend of input\n", p.output("browser", "stdout"));
            assertEquals(List.of("Grace\n", "[end of input]\n"), echoes(p));
            assertEquals("0", p.text("browser-exit"));
            assertEquals(Boolean.TRUE, p.page.evaluate("() => navigator.serviceWorker.getRegistration().then(r => !!(r && r.active))"));
            p.screenshot("stdin-service-worker");
        }
    }
}
