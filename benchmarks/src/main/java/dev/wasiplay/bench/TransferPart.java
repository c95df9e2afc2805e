package dev.wasiplay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitUntilState;
import dev.wasiplay.runtimes.BundledRuntimes;
import dev.wasiplay.server.WasiPlayServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The transfer part: python.wasm's bytes on the wire (raw; gzip at level 9 with java.util.zip; brotli at
 * quality 11 with Debian's {@code brotli} command; and what the real server actually sends to a browser that
 * accepts gzip and br), and the time from a cold page load to the first output of print('hi'): the real
 * server in this process on a loopback port, a new browser context each time (empty cache), the page's
 * own "Run in browser" (timed in the page from navigation start, {@code performance.now()}, to the moment the
 * first output appears in the Browser console).
 */
final class TransferPart {
    private static final String PART = "transfer";
    private static final String WASM = "python.wasm";

    /** Runs in the page before its scripts: stamps when the first output appears in the Browser console. */
    private static final String COLD_LOAD_SCRIPT = """
            document.addEventListener("DOMContentLoaded", () => {
              const output = document.querySelector("[data-testid=browser-console]");
              new MutationObserver((changes, observer) => {
                if (output.textContent.length > 0) {
                  window.__firstOutput = { ms: performance.now(), text: output.textContent };
                  observer.disconnect();
                }
              }).observe(output, { childList: true, characterData: true, subtree: true });
            });
            """;

    private TransferPart() {
    }

    static List<Row> run(Options options) throws Exception {
        byte[] wasm = BundledRuntimes.python().bytes();
        Samples raw = Samples.of(wasm.length);
        List<Row> rows = new ArrayList<>();
        rows.add(Row.measured(PART, WASM + " raw (stripped, as bundled)", "-", raw, "B"));
        Samples gzip = Samples.of(gzip(wasm));
        rows.add(Row.measured(PART, WASM + " gzip level 9", "java.util.zip", gzip, "B").ratios("", Ratios.of(gzip.min(), raw.min(), false, "raw")));
        if (Commands.onPath("brotli")) {
            Benchmarks.progress("transfer: brotli -q 11 ...");
            Samples brotli = Samples.of(brotli(wasm));
            rows.add(Row.measured(PART, WASM + " brotli quality 11", Commands.output("brotli", "--version").trim(), brotli, "B")
                    .ratios("", Ratios.of(brotli.min(), raw.min(), false, "raw")));
        } else {
            rows.add(Row.failed(PART, WASM + " brotli", "brotli", "Debian's brotli is not installed (./wasiplay bench installs it)"));
        }

        WasiPlayServer server = new WasiPlayServer();
        int port = server.start(0);
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newHttpClient();
            JsonNode runtimes = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/runtimes")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String url = runtimes.get("python").get("url").asText();
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base + url))
                    .header("Accept-Encoding", "gzip, deflate, br").build(), HttpResponse.BodyHandlers.ofInputStream());
            long sent;
            try (InputStream body = response.body()) {
                sent = body.transferTo(OutputStream.nullOutputStream());
            }
            String encoding = response.headers().firstValue("Content-Encoding").orElse("none");
            Samples served = Samples.of(sent);
            rows.add(Row.measured(PART, WASM + " as the server sends it (Accept-Encoding: gzip, deflate, br)",
                    "Content-Encoding: " + encoding, served, "B").ratios("", Ratios.of(served.min(), raw.min(), false, "raw")));

            Benchmarks.progress("transfer: %d cold page loads ...", options.coldLoads());
            double[] firstOutput = new double[options.coldLoads()];
            try (Chromium chromium = new Chromium()) {
                for (int i = 0; i < firstOutput.length; i++) {
                    firstOutput[i] = coldLoad(chromium, base + "/");
                }
            }
            rows.add(Row.measured(PART, "cold page load to first output of print('hi') (loopback)",
                    "wasiplay, new context", Samples.of(firstOutput), "ms"));
        } finally {
            server.stop();
        }
        return rows;
    }

    /**
     * One cold load: navigate, put print('hi') into the editor (select all, paste) as soon as it is there,
     * click "Run in browser", and wait for the output. The page stamps the first output itself, in
     * milliseconds from navigation start, so the figure includes the automation's steps (a few milliseconds
     * over loopback) as a user's would include theirs.
     */
    private static double coldLoad(Chromium chromium, String url) {
        try (BrowserContext context = chromium.browser.newContext()) {
            context.addInitScript(COLD_LOAD_SCRIPT);
            Page page = context.newPage();
            page.onPageError(e -> System.err.println("[cold load page error] " + e));
            page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
            Locator code = page.locator("[data-testid=code]");
            code.click();
            page.keyboard().press("ControlOrMeta+a");
            code.evaluate("(content, text) => { const data = new DataTransfer(); data.setData('text/plain', text);"
                    + " content.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true})); }",
                    "print('hi')");
            page.locator("[data-testid=run-browser]").click();
            page.waitForFunction("() => window.__firstOutput !== undefined", null,
                    new Page.WaitForFunctionOptions().setTimeout(120_000));
            @SuppressWarnings("unchecked")
            Map<String, Object> first = (Map<String, Object>) page.evaluate("() => window.__firstOutput");
            if (!String.valueOf(first.get("text")).startsWith("hi")) {
                throw new IllegalStateException("the first output of print('hi') was " + first.get("text"));
            }
            return ((Number) first.get("ms")).doubleValue();
        }
    }

    private static long gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(bytes);
        }
        return out.size();
    }

    private static long brotli(byte[] bytes) throws IOException, InterruptedException {
        Path file = Files.createTempFile("python", ".wasm");
        try {
            Files.write(file, bytes);
            Process process = new ProcessBuilder("brotli", "-q", "11", "-c", file.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            long size;
            try (InputStream out = process.getInputStream()) {
                size = out.transferTo(OutputStream.nullOutputStream());
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException("brotli failed");
            }
            return size;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
