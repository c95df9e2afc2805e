package dev.wasiplay.server;

import static dev.wasiplay.server.HttpTestClient.json;
import static dev.wasiplay.server.HttpTestClient.runBody;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import com.fasterxml.jackson.databind.JsonNode;
import dev.wasiplay.runtimes.BundledRuntime;
import dev.wasiplay.runtimes.BundledRuntimes;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real server on a free port, driven over HTTP. */
class WasiPlayServerTest {

    private static WasiPlayServer server;
    private static HttpTestClient client;

    @BeforeAll
    static void startServer() {
        server = new WasiPlayServer();
        client = new HttpTestClient(server.start(0));
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    // ---- POST /api/run ----------------------------------------------------------------------------------------

    @Test
    void runsPythonAndReturnsItsOutput() throws Exception {
        HttpResponse<String> response = client.post("/api/run", runBody("print(sum(range(10)))"));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode result = json(response);
        assertEquals("45\n", result.get("stdout").textValue());
        assertEquals("", result.get("stderr").textValue());
        assertEquals(0, result.get("exitCode").intValue());
        assertTrue(result.get("durationMs").longValue() > 0, result.toString());
        assertEquals("ok", result.get("status").textValue());
        assertEquals("exited with code 0", result.get("message").textValue());
    }

    @Test
    void reportsStderrAndTheExitCode() throws Exception {
        HttpResponse<String> response = client.post("/api/run",
                runBody("import sys\nprint('to stderr', file=sys.stderr)\nsys.exit(3)\n"));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = json(response);
        assertEquals("", result.get("stdout").textValue());
        assertEquals("to stderr\n", result.get("stderr").textValue());
        assertEquals(3, result.get("exitCode").intValue());
        assertEquals("ok", result.get("status").textValue());
    }

    @Test
    void givesTheProgramItsFilesArgsAndStdin() throws Exception {
        String body = HttpTestClient.JSON.writeValueAsString(Map.of(
                "files", Map.of(
                        "/app/main.py", "import sys, os, helper\n"
                                + "print(sys.argv)\n" // python drops argv[0], "python"
                                + "print(helper.shout(sys.stdin.read()))\n"
                                + "print(sorted(os.listdir('/data')), open('/data/notes.txt').read())\n",
                        "app/helper.py", "def shout(text):\n    return text.upper()\n",
                        "data/notes.txt", "ünïcode ✓"),
                "main", "app/main.py",
                "args", List.of("one", "two words"),
                "stdin", "quiet please"));

        HttpResponse<String> response = client.post("/api/run", body);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = json(response);
        assertEquals("['/app/main.py', 'one', 'two words']\nQUIET PLEASE\n['notes.txt'] ünïcode ✓\n",
                result.get("stdout").textValue(), result.toString());
        assertEquals(0, result.get("exitCode").intValue(), result.toString());
    }

    @Test
    void runsWithAnEmptyEnvironment() throws Exception {
        HttpResponse<String> response = client.post("/api/run",
                runBody("import os\nprint(sorted(os.environ))\n"));

        assertEquals("[]\n", json(response).get("stdout").textValue(), response.body());
    }

    @Test
    void passesBinaryFilesAndTheEnvironmentAndListsTheFilesTheRunChanged() throws Exception {
        String body = HttpTestClient.JSON.writeValueAsString(Map.of(
                "files", Map.of(
                        "main.py", "import os\n"
                                + "print(open('/data.bin', 'rb').read().hex(), os.environ['GREETING'], sorted(os.environ))\n"
                                + "open('/out/made.txt', 'w').write('made by the program')\n"
                                + "open('/notes.txt', 'a').write(' and more')\n"
                                + "os.remove('/old.txt')\n"
                                + "open('/blob.bin', 'wb').write(bytes([0, 255, 1]))\n",
                        "data.bin", Map.of("base64", "AAH/"),
                        "notes.txt", "some notes",
                        "old.txt", "bye",
                        "out/keep.txt", "unchanged"),
                "main", "main.py",
                "env", Map.of("GREETING", "hi")));

        HttpResponse<String> response = client.post("/api/run", body);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = json(response);
        assertEquals("0001ff hi ['GREETING']\n", result.get("stdout").textValue(), result.toString());
        assertEquals(0, result.get("exitCode").intValue(), result.toString());
        assertEquals(HttpTestClient.JSON.readTree("""
                [{"path": "blob.bin", "change": "created", "size": 3,
                  "sha256": "47ffa3ea45a70b8a41c2c0825df323c00a8b7a01c1ea06083cc41dddcc001123", "content": {"base64": "AP8B"}},
                 {"path": "notes.txt", "change": "modified", "size": 19,
                  "sha256": "fda14a6f0c0690fb7bbf41d9ecdfd1be9cfdb7c833171725a3417ace21648291", "content": "some notes and more"},
                 {"path": "old.txt", "change": "deleted", "size": 0},
                 {"path": "out/made.txt", "change": "created", "size": 19,
                  "sha256": "2b7d3de2fa50339c800be8f97b50708a18dbdb8ad3c9c777d58ee6badd83e21f", "content": "made by the program"}]"""),
                result.get("files"));
    }

    // ---- Bad requests -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "{not json",
        "[1, 2]",
        "{\"main\": \"main.py\"}",
        "{\"files\": {}, \"main\": \"main.py\"}",
        "{\"files\": [\"print(1)\"], \"main\": \"main.py\"}",
        "{\"files\": {\"main.py\": \"print(1)\"}}",
        "{\"files\": {\"main.py\": \"print(1)\"}, \"main\": \"other.py\"}",
        "{\"files\": {\"main.py\": \"print(1)\"}, \"main\": 7}",
        "{\"files\": {\"../main.py\": \"print(1)\"}, \"main\": \"../main.py\"}",
        "{\"files\": {\"main.py\": \"print(1)\", \"a/../b.py\": \"\"}, \"main\": \"main.py\"}",
        "{\"files\": {\"main.py\": \"print(1)\", \"b\\u0000.py\": \"\"}, \"main\": \"main.py\"}",
        "{\"files\": {\"//main.py\": \"print(1)\"}, \"main\": \"//main.py\"}",
        "{\"files\": {\"main.py\": 42}, \"main\": \"main.py\"}",
        "{\"files\": {\"main.py\": null}, \"main\": \"main.py\"}",
        "{\"files\": {\"main.py\": \"print(1)\"}, \"main\": \"main.py\", \"args\": \"-v\"}",
        "{\"files\": {\"main.py\": \"print(1)\"}, \"main\": \"main.py\", \"args\": [\"-v\", 1]}",
        "{\"files\": {\"main.py\": \"print(1)\"}, \"main\": \"main.py\", \"stdin\": [\"line\"]}",
        "{\"files\": {\"main.py\": \"print(1)\"}, \"main\": \"main.py\", \"environment\": {}}",
        "{\"files\": {\"main.py\": \"print(1)\"}, \"main\": \"main.py\", \"env\": {\"A\": 1}}",
        "{\"files\": {\"main.py\": {\"base64\": \"not base64!\"}}, \"main\": \"main.py\"}",
        "{\"files\": {\"main.py\": \"\\ud800\"}, \"main\": \"main.py\"}",
        "{\"runtime\": \"python3\", \"files\": {\"main.py\": \"print(1)\"}, \"main\": \"main.py\"}",
        "{\"files\": {\"main.py\": \"1\", \"/main.py\": \"2\"}, \"main\": \"main.py\"}",
        "{\"files\": {\"main.py\": \"1\", \"main.py/x\": \"2\"}, \"main\": \"main.py\"}",
    })
    void rejectsABadRunRequestWithAClearMessage(String body) throws Exception {
        HttpResponse<String> response = client.post("/api/run", body);

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode error = json(response);
        assertEquals(1, error.size(), error.toString());
        assertTrue(error.get("error").textValue().length() > 10, error.toString());
    }

    @Test
    void namesWhatIsWrong() throws Exception {
        assertEquals("\"main\" is \"other.py\", which is not among the files [main.py]",
                errorOf("{\"files\": {\"main.py\": \"print(1)\"}, \"main\": \"other.py\"}"));
        assertEquals("file path \"../x.py\" must not contain \"..\"",
                errorOf("{\"files\": {\"../x.py\": \"\"}, \"main\": \"../x.py\"}"));
        assertEquals("\"args\" must be a list of strings, but args[1] is a number",
                errorOf("{\"files\": {\"main.py\": \"\"}, \"main\": \"main.py\", \"args\": [\"a\", 2]}"));
        assertEquals("the content of file \"main.py\" must be a string or {\"base64\": \"...\"}, not a number",
                errorOf("{\"files\": {\"main.py\": 42}, \"main\": \"main.py\"}"));
        assertTrue(errorOf("{\"files\": ").startsWith("the request body is not valid JSON"));
    }

    @Test
    void rejectsABodyOverTheSizeLimit() throws Exception {
        String code = "#" + "x".repeat(WasiPlayServer.MAX_RUN_REQUEST_BYTES);
        HttpResponse<String> response = client.post("/api/run", runBody(code));

        assertEquals(413, response.statusCode(), response.body());
        assertEquals("the request body is larger than 1048576 bytes", json(response).get("error").textValue());
    }

    @Test
    void answersUnknownApiRoutesWithJson404() throws Exception {
        for (String path : List.of("/api/nope", "/api/run")) { // GET /api/run: only POST exists
            HttpResponse<String> response = client.getText(path);

            assertEquals(404, response.statusCode(), path);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertTrue(json(response).get("error").textValue().startsWith("no API route GET " + path), path);
        }
    }

    private static String errorOf(String body) throws Exception {
        HttpResponse<String> response = client.post("/api/run", body);
        assertEquals(400, response.statusCode(), response.body());
        return json(response).get("error").textValue();
    }

    // ---- The page and its assets ------------------------------------------------------------------------------

    @Test
    void servesThePageCrossOriginIsolated() throws Exception {
        HttpResponse<byte[]> response = client.get("/");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals("same-origin", response.headers().firstValue("Cross-Origin-Opener-Policy").orElse(null));
        assertEquals("require-corp", response.headers().firstValue("Cross-Origin-Embedder-Policy").orElse(null));
        String page = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(page.contains("<title>WasiPlay"));
        for (String id : List.of("editor-host", "run-browser", "run-server", "compare", "stop", "status", "verdict",
                "browser-console", "browser-exit", "browser-time", "server-console", "server-exit", "server-time")) {
            assertTrue(page.contains("id=\"" + id + "\""), "the page has #" + id);
        }
    }

    @Test
    void servesThePagesBundledScriptAndStylesheet() throws Exception {
        String page = new String(client.get("/").body(), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher assets = java.util.regex.Pattern.compile("\"(/assets/[^\"?]+\\.(?:js|css))(?:\\?v=[0-9a-f]{16})?\"").matcher(page);
        int found = 0;
        while (assets.find()) {
            servesAssetsWithIsolationHeaders(assets.group(1));
            found++;
        }
        assertEquals(2, found, "the page links one content-hashed script and one stylesheet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/stdin-sw.js", "/js/wasiplay-worker.js"})
    void servesAssetsWithIsolationHeaders(String path) throws Exception {
        HttpResponse<byte[]> response = client.get(path);

        assertEquals(200, response.statusCode(), path);
        assertTrue(response.body().length > 0, path);
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(path.endsWith(".css") ? type.startsWith("text/css") : type.contains("javascript"), type);
        assertEquals("same-origin", response.headers().firstValue("Cross-Origin-Opener-Policy").orElse(null));
        assertEquals("require-corp", response.headers().firstValue("Cross-Origin-Embedder-Policy").orElse(null));
        assertEquals("same-origin", response.headers().firstValue("Cross-Origin-Resource-Policy").orElse(null));
    }

    @Test
    void answersAMissingAssetWith404() throws Exception {
        assertEquals(404, client.get("/no-such-file.js").statusCode());
    }

    // ---- Runtimes ---------------------------------------------------------------------------------------------

    @Test
    void listsTheBundledPython() throws Exception {
        BundledRuntime python = BundledRuntimes.python();

        JsonNode runtimes = json(client.getText("/api/runtimes"));

        JsonNode entry = runtimes.get("python");
        assertEquals("/runtimes/" + python.fileName(), entry.get("url").textValue());
        assertEquals("3.12.0", entry.get("version").textValue());
        assertEquals(python.sha256(), entry.get("sha256").textValue());
        assertEquals(python.size(), entry.get("size").longValue());
    }

    @Test
    void servesPythonWasmForGoodUncompressedWhenNoEncodingIsAccepted() throws Exception {
        BundledRuntime python = BundledRuntimes.python();

        for (String[] headers : List.of(new String[0], new String[] {"Accept-Encoding", "identity"},
                new String[] {"Accept-Encoding", "br;q=0, gzip;q=0"})) {
            HttpResponse<byte[]> response = client.get("/runtimes/" + python.fileName(), headers);

            assertEquals(200, response.statusCode());
            assertFalse(response.headers().firstValue("Content-Encoding").isPresent(), "sent uncompressed");
            assertEquals(python.size(), response.headers().firstValueAsLong("Content-Length").orElse(-1));
            assertRuntimeHeaders(python, response, "\"" + python.sha256() + "\"");
            assertEquals(python.sha256(), sha256(response.body()));
            assertArrayEquals(new byte[] {0, 'a', 's', 'm'}, java.util.Arrays.copyOf(response.body(), 4));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"br", "gzip"})
    void servesPythonWasmCompressedWhenAccepted(String encoding) throws Exception {
        BundledRuntime python = BundledRuntimes.python();
        // br is preferred whatever the order; gzip is chosen when br is not accepted
        String accepted = encoding.equals("br") ? "gzip, deflate, br" : "gzip, br;q=0";

        HttpResponse<byte[]> response = client.get("/runtimes/" + python.fileName(), "Accept-Encoding", accepted);

        assertEquals(200, response.statusCode());
        assertEquals(encoding, response.headers().firstValue("Content-Encoding").orElse(null));
        assertEquals(response.body().length, response.headers().firstValueAsLong("Content-Length").orElse(-1));
        assertTrue(response.body().length < python.size() * 6 / 10, "compressed: " + response.body().length + " bytes");
        assertRuntimeHeaders(python, response, "\"" + python.sha256() + "-" + encoding + "\"");
        assertEquals(python.sha256(), sha256(decode(encoding, response.body())));

        HttpResponse<String> head = client.head("/runtimes/" + python.fileName(), "Accept-Encoding", accepted);
        assertEquals(encoding, head.headers().firstValue("Content-Encoding").orElse(null));
        assertEquals(response.body().length, head.headers().firstValueAsLong("Content-Length").orElse(-1));
        assertEquals(python.size(), head.headers().firstValueAsLong("X-Uncompressed-Length").orElse(-1));

        HttpResponse<byte[]> revalidated = client.get("/runtimes/" + python.fileName(), "Accept-Encoding", accepted,
                "If-None-Match", "\"" + python.sha256() + "-" + encoding + "\"");
        assertEquals(304, revalidated.statusCode());
    }

    private static void assertRuntimeHeaders(BundledRuntime python, HttpResponse<?> response, String etag) {
        assertEquals("application/wasm", response.headers().firstValue("Content-Type").orElse(null));
        assertEquals(python.size(), response.headers().firstValueAsLong("X-Uncompressed-Length").orElse(-1));
        assertEquals("X-Uncompressed-Length", response.headers().firstValue("Access-Control-Expose-Headers").orElse(null));
        assertEquals("Accept-Encoding", response.headers().firstValue("Vary").orElse(null));
        assertEquals("public, max-age=31536000, immutable", response.headers().firstValue("Cache-Control").orElse(null));
        assertEquals(etag, response.headers().firstValue("ETag").orElse(null));
        assertEquals("same-origin", response.headers().firstValue("Cross-Origin-Resource-Policy").orElse(null));
    }

    private static byte[] decode(String encoding, byte[] body) throws Exception {
        try (InputStream in = encoding.equals("br")
                ? new BrotliInputStream(new ByteArrayInputStream(body), 1 << 16)
                : new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    @Test
    void answersARevalidationWith304() throws Exception {
        BundledRuntime python = BundledRuntimes.python();

        HttpResponse<byte[]> response = client.get("/runtimes/" + python.fileName(),
                "If-None-Match", "\"" + python.sha256() + "\"");

        assertEquals(304, response.statusCode());
        assertEquals(0, response.body().length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"python.wasm", "python-3.12.0-0000000000000000.wasm", "..%2Fapp.js"})
    void answersOtherRuntimeNamesWith404(String name) throws Exception {
        assertEquals(404, client.get("/runtimes/" + name).statusCode());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
