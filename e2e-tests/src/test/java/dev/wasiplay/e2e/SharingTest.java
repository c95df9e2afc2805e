package dev.wasiplay.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Embeds and framing in Chromium (opening a share link in the playground is {@link ShareTest}'s): /embed/{id}
 * runs in an iframe on another (cross-origin isolated) site, the playground itself refuses to be framed, and the
 * Content-Security-Policy blocks nothing the pages need.
 */
class SharingTest {
    private static final LocatorAssertions.HasTextOptions SLOW = new LocatorAssertions.HasTextOptions().setTimeout(120_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Playground playground;
    /** Another site, on another origin, that frames WasiPlay pages. */
    private static HttpServer otherSite;

    @BeforeAll
    static void start() throws Exception {
        playground = new Playground();
        otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otherSite.createContext("/", exchange -> {
            String target = exchange.getRequestURI().getQuery(); // the WasiPlay URL to frame
            byte[] page = ("<!doctype html><html><head><title>Another site</title></head><body>"
                    + "<h1>A blog post with a snippet</h1><iframe id=\"frame\" src=\"" + target
                    + "\" width=\"700\" height=\"400\"></iframe></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            // The strictest embedder: cross-origin isolated itself.
            exchange.getResponseHeaders().set("Cross-Origin-Opener-Policy", "same-origin");
            exchange.getResponseHeaders().set("Cross-Origin-Embedder-Policy", "require-corp");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        otherSite.start();
    }

    @AfterAll
    static void stop() {
        if (otherSite != null) {
            otherSite.stop(0);
        }
        if (playground != null) {
            playground.close();
        }
    }

    /** localhost and 127.0.0.1 are different origins, and so are different ports. */
    private static String otherSiteFraming(String wasiplayPath) {
        return "http://localhost:" + otherSite.getAddress().getPort() + "/?" + playground.url(wasiplayPath);
    }

    private static String saveSnippet(Map<String, Object> snippet) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(playground.url("/api/snippets")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(snippet)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("id").textValue();
    }

    /** Console messages of the page and its frames that report a Content-Security-Policy violation. */
    private final List<String> policyViolations = new CopyOnWriteArrayList<>();

    private Page newPage() {
        Page page = playground.browser.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text());
            }
        });
        return page;
    }

    @Test
    void anEmbedRunsTheSnippetInsideAnotherSitesPage() throws Exception {
        String id = saveSnippet(Map.of(
                "files", Map.of("main.py", "import os, sys\nprint(os.environ['WHO'], sys.argv[1:], input())\n"),
                "main", "main.py", "args", List.of("--loud"), "env", Map.of("WHO", "embedded"), "stdin", "hi\n"));
        Page page = newPage();

        page.navigate(otherSiteFraming("/embed/" + id));
        FrameLocator embed = page.frameLocator("#frame");

        assertThat(embed.locator("#file-name")).hasText("main.py");
        assertThat(embed.locator("#status")).hasText("ready");
        embed.locator("#code").fill("import os, sys\nprint('edited:', os.environ['WHO'], sys.argv[1:], input())\n");
        embed.locator("#run").click();
        assertThat(embed.locator("#status")).containsText("exit code 0", new LocatorAssertions.ContainsTextOptions()
                .setTimeout(120_000));
        assertEquals("edited: embedded ['--loud'] hi", embed.locator("#output").innerText().strip());
        assertTrue(embed.locator("#open").getAttribute("href").endsWith("/s/" + id));
        Playground.screenshot(page, "embed-on-another-site");
        assertEquals(List.of(), policyViolations);
        page.close();
    }

    @Test
    void thePlaygroundItselfCannotBeFramedByAnotherSite() {
        Page page = newPage();

        page.navigate(otherSiteFraming("/"));

        // Chromium replaces a frame it refuses to show with its error page.
        page.waitForCondition(() -> page.frames().stream().anyMatch(f -> f.url().startsWith("chrome-error:")));
        Frame frame = page.frames().stream().filter(f -> f != page.mainFrame()).findFirst().orElseThrow();
        assertEquals(0, frame.locator("#code").count(), "the framed playground must not render");
        page.close();
    }
}
