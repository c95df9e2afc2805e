package dev.wasiplay.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.wasiplay.polyfill.conformance.Conformance;
import dev.wasiplay.polyfill.conformance.GuestCase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite (polyfill/src/test/guests) in Debian's Chromium: every case runs in the
 * TeaVM-compiled worker, one browser and worker for all, with its argv, environment, stdin, preopens and
 * input image, and must end with exactly the expected exit code, stdout, stderr and file tree (the worker's
 * "fs" message). The same cases run on Chicory in wasi-host.
 */
class ConformanceInChromiumTest {
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final int TIMEOUT_MS = 60_000;

    private static StaticServer server;
    private static Playwright playwright;
    private static Page page;

    @BeforeAll
    static void openPage() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM), "this test needs Debian's Chromium at " + CHROMIUM
                + " (apt-get install chromium)");
        server = new StaticServer().serve("/worker-test.html", resource("worker-test.html"), "text/html; charset=utf-8");
        for (GuestCase guest : GuestCase.all()) {
            if (guest.disabledReason() == null) {
                server.serve("/guests/" + guest.name() + ".wasm", guest.wasm(), "application/wasm");
            }
        }
        playwright = Playwright.create();
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run")));
        page = browser.newPage();
        page.onConsoleMessage(m -> System.out.println("[page console] " + m.text()));
        page.navigate(server.baseUrl() + "/worker-test.html");
        assertEquals(Boolean.TRUE, page.evaluate("crossOriginIsolated"), "the test page must be cross-origin isolated");
    }

    @AfterAll
    static void closePage() {
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyGuestCase() {
        return GuestCase.all().stream().map(guest -> dynamicTest(guest.name(), () -> {
            Assumptions.assumeTrue(guest.disabledReason() == null, guest.disabledReason());
            WorkerRun run = run(request(guest));
            String stdout = run.stdout();
            String stderr = run.stderr();
            Conformance.check(guest, "chromium",
                    new Conformance.Result(run.exitCode(), stdout, stderr, run.fileSystemImage()));
        }));
    }

    @Test
    void theTreeComesInAnFsMessageRightBeforeExit() {
        GuestCase guest = GuestCase.all().stream().filter(g -> g.name().equals("c-proc-exit")).findFirst().orElseThrow();
        WorkerRun run = run(request(guest));

        List<Map<String, Object>> messages = run.messages();
        assertEquals("fs", messages.get(messages.size() - 2).get("type"), run::toString);
        assertEquals("exit", messages.get(messages.size() - 1).get("type"), run::toString);
    }

    @Test
    void malformedImagesAndPreopensAreRefused() {
        GuestCase guest = GuestCase.all().get(0);
        Map<String, Object> badImage = request(guest);
        badImage.put("imageBase64", Base64.getEncoder().encodeToString("x".repeat(600).getBytes()));
        assertEquals("invalid run message: image: tar header at offset 0: bad checksum (not a tar image?)",
                run(badImage).error());

        Map<String, Object> notAnArrayBuffer = request(guest);
        notAnArrayBuffer.remove("imageBase64");
        notAnArrayBuffer.put("image", "text");
        assertEquals("invalid run message: image must be an ArrayBuffer holding a tar image",
                run(notAnArrayBuffer).error());

        Map<String, Object> outside = request(guest);
        outside.put("preopens", List.of("data/../.."));
        assertEquals("invalid run message: preopens: \"data/../..\" is empty or has \"..\" or NUL in it",
                run(outside).error());

        Map<String, Object> fileAsPreopen = request(guest);
        fileAsPreopen.put("files", Map.of("/data", "not a directory"));
        fileAsPreopen.put("preopens", List.of("/data"));
        assertEquals("invalid run message: preopens: /data is not a directory", run(fileAsPreopen).error());
    }

    private static Map<String, Object> request(GuestCase guest) {
        Map<String, Object> env = new LinkedHashMap<>();
        for (String[] variable : guest.env()) {
            env.put(variable[0], variable[1]);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", "run");
        request.put("wasmUrl", "/guests/" + guest.name() + ".wasm");
        request.put("argv", guest.argv());
        request.put("env", env);
        request.put("stdin", guest.stdin());
        request.put("preopens", guest.preopens());
        request.put("imageBase64", Base64.getEncoder().encodeToString(guest.inputImage()));
        return request;
    }

    @SuppressWarnings("unchecked")
    private static WorkerRun run(Map<String, Object> request) {
        Object result = page.evaluate("([request, timeout]) => runInWorker(request, false, timeout)",
                List.of(request, TIMEOUT_MS));
        List<Map<String, Object>> messages = new ArrayList<>();
        for (Object message : (List<Object>) result) {
            messages.add((Map<String, Object>) message);
        }
        return new WorkerRun(messages);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ConformanceInChromiumTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
