package dev.wasiplay.server;

import static dev.wasiplay.server.HttpTestClient.body;
import static dev.wasiplay.server.HttpTestClient.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wasiplay.server.store.Hashes;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uploaded modules over HTTP: validation, content-addressed storage, download, and runs of them. */
class ModuleApiTest {

    private static WasiPlayServer server;
    private static HttpTestClient client;
    private static byte[] greeter;

    @BeforeAll
    static void startServer() throws Exception {
        greeter = CGuests.compile(CGuests.GREETER);
        server = new WasiPlayServer();
        client = new HttpTestClient(server.start(0));
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    private static String upload(byte[] wasm) throws Exception {
        HttpResponse<String> response = client.post("/api/modules", wasm, "application/wasm");
        assertEquals(200, response.statusCode(), response.body());
        return json(response).get("sha256").textValue();
    }

    @Test
    void storesAnUploadedModuleUnderItsSha256() throws Exception {
        HttpResponse<String> response = client.post("/api/modules", greeter, "application/wasm");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = json(response);
        String sha256 = Hashes.sha256Hex(greeter);
        assertEquals(sha256, answer.get("sha256").textValue());
        assertEquals(greeter.length, answer.get("size").intValue());
        assertEquals("/api/modules/" + sha256, answer.get("url").textValue());

        HttpResponse<byte[]> download = client.get("/api/modules/" + sha256, "Accept-Encoding", "gzip, br");
        assertEquals(200, download.statusCode());
        assertArrayEquals(greeter, download.body());
        assertEquals("application/wasm", download.headers().firstValue("Content-Type").orElse(null));
        assertEquals("public, max-age=31536000, immutable", download.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("\"" + sha256 + "\"", download.headers().firstValue("ETag").orElse(null));
        assertFalse(download.headers().firstValue("Content-Encoding").isPresent());

        assertEquals(sha256, upload(greeter), "uploading it again answers the same");
        assertEquals(304, client.get("/api/modules/" + sha256, "If-None-Match", "\"" + sha256 + "\"").statusCode());
    }

    @Test
    void rejectsWhatIsNotAWasiCommandWithTheReason() throws Exception {
        Map<byte[], String> cases = Map.of(
                "hello".getBytes(), "not a wasm module: 5 bytes, shorter than the 8-byte header",
                new byte[] {'M', 'Z', 0, 0, 0, 0, 0, 0, 0}, "not a wasm module: bad magic bytes (expected \\0asm)",
                new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0}, "unsupported wasm binary version 2 (expected 1)",
                new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, "no exported function _start: not a WASI command module");
        for (Map.Entry<byte[], String> bad : cases.entrySet()) {
            HttpResponse<String> response = client.post("/api/modules", bad.getKey(), "application/wasm");

            assertEquals(400, response.statusCode(), response.body());
            assertEquals(bad.getValue(), json(response).get("error").textValue());
        }
    }

    @Test
    void answersUnknownModulesWith404() throws Exception {
        for (String name : List.of("0".repeat(64), "nothex")) {
            HttpResponse<String> response = client.getText("/api/modules/" + name);

            assertEquals(404, response.statusCode(), name);
            assertTrue(json(response).get("error").textValue().startsWith("no uploaded module"), response.body());
        }
    }

    @Test
    void runsAnUploadedModuleWithItsArgsEnvironmentStdinAndFiles() throws Exception {
        String sha256 = upload(greeter);
        String workspace = body(Map.of("runtime", "module:" + sha256, "main", "greeter", "args", List.of("x y"),
                "env", Map.of("GREETING", "hello"), "stdin", "typed\n",
                "files", Map.of("input.txt", "from a file")));

        HttpResponse<String> response = client.post("/api/run", workspace);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = json(response);
        assertEquals(String.join("\n", CGuests.greeterOutputLines("greeter", "x y", "hello", "typed", "from a file"))
                + "\n", result.get("stdout").textValue(), result.toString());
        assertEquals(7, result.get("exitCode").intValue());
        JsonNode files = result.get("files");
        assertEquals(1, files.size(), files.toString());
        assertEquals("output.txt", files.get(0).get("path").textValue());
        assertEquals("created", files.get(0).get("change").textValue());
        assertEquals("written by C\n", files.get(0).get("content").textValue());

        HttpResponse<String> saved = client.post("/api/snippets", workspace);
        assertEquals(200, saved.statusCode(), saved.body());
        JsonNode snippet = json(client.getText("/api/snippets/" + json(saved).get("id").textValue()));
        assertEquals("module:" + sha256, snippet.get("runtime").textValue());
    }

    @Test
    void refusesToRunAnUnknownModule() throws Exception {
        HttpResponse<String> response = client.post("/api/run", "{\"runtime\": \"module:" + "d".repeat(64) + "\"}");

        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("error").textValue().startsWith("no uploaded module with SHA-256 dddd"));
    }
}
