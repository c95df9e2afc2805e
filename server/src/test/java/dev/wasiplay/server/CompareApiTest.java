package dev.wasiplay.server;

import static dev.wasiplay.server.HttpTestClient.JSON;
import static dev.wasiplay.server.HttpTestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deterministic runs over HTTP and {@code POST /api/compare}, the parity report of a browser run against the server's. */
class CompareApiTest {
    private static final String SCRIPT = "import random, time, uuid, tempfile\n"
            + "print(random.random(), time.time(), uuid.uuid4())\n"
            + "open('/out.txt', 'w').write('hello')\n";

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

    private static ObjectNode workspace(Object deterministic) {
        ObjectNode run = JSON.createObjectNode();
        run.putObject("files").put("main.py", SCRIPT);
        run.put("main", "main.py");
        if (deterministic != null) {
            run.set("deterministic", JSON.valueToTree(deterministic));
        }
        return run;
    }

    /** Three fresh CPython runs on the interpreter (a deterministic run never goes to a pre-started one). */
    @Test
    void deterministicRunsRepeatAndCompareIdenticalUntilTheBrowserSideDiffers() throws Exception {
        JsonNode first = json(client.post("/api/run", workspace(java.util.Map.of("seed", 42)).toString()));

        assertEquals(0, first.get("exitCode").intValue(), first.toString());
        assertEquals(42, first.get("deterministic").get("seed").intValue());
        assertTrue(first.get("stdout").textValue().contains(" 1704067200."), first.toString());

        // The browser's side, as the page would send it: here the server's own first run, which a second
        // deterministic run on the server must reproduce exactly.
        ObjectNode browser = JSON.createObjectNode();
        browser.put("engine", "browser");
        browser.put("exitCode", first.get("exitCode").intValue());
        browser.put("status", first.get("status").textValue());
        browser.put("durationMs", 812);
        browser.put("stdout", first.get("stdout").textValue());
        browser.put("stderr", first.get("stderr").textValue());
        ObjectNode out = browser.putArray("files").addObject();
        out.put("path", "out.txt").put("change", "created").put("size", 5).put("sha256", sha256("hello"));
        ObjectNode compare = JSON.createObjectNode();
        compare.set("run", workspace(null));   // deterministic with the default seed, 42
        compare.set("browser", browser);

        HttpResponse<String> identical = client.post("/api/compare", compare.toString());
        assertEquals(200, identical.statusCode(), identical.body());
        JsonNode report = json(identical);
        assertEquals("wasiplay-parity-report/1", report.get("format").textValue());
        assertEquals("identical", report.get("verdict").textValue(), identical.body());
        assertEquals(42, report.get("deterministic").get("seed").intValue());
        assertEquals("browser", report.get("engines").get(0).get("engine").textValue());
        assertEquals("server", report.get("engines").get(1).get("engine").textValue());
        assertEquals(812, report.get("engines").get(0).get("durationMs").intValue());
        assertEquals(report.get("engines").get(0).get("files"), report.get("engines").get(1).get("files"));
        assertEquals(0, report.get("differences").size());

        browser.put("stdout", "0.5 1704067200.0 not-a-uuid\n");
        browser.put("exitCode", 1);
        JsonNode differs = json(client.post("/api/compare", compare.toString()));
        assertEquals("differs", differs.get("verdict").textValue(), differs.toString());
        assertEquals("{\"field\":\"exitCode\",\"values\":[1,0]}", differs.get("differences").get(0).toString());
        JsonNode stdout = differs.get("differences").get(1);
        assertEquals("stdout", stdout.get("field").textValue());
        assertEquals(1, stdout.get("line").intValue());
        assertEquals("0.5 1704067200.0 not-a-uuid", stdout.get("values").get(0).textValue());
        assertEquals(first.get("stdout").textValue().split("\n")[0], stdout.get("values").get(1).textValue());
    }

    @Test
    void badInputIsA400WithAJsonError() throws Exception {
        String okBrowser = "{\"exitCode\":0,\"status\":\"ok\",\"durationMs\":1,\"stdout\":\"\",\"stderr\":\"\",\"files\":[]}";
        String okRun = "{\"files\":{\"main.py\":\"pass\"},\"main\":\"main.py\"}";
        assertBadRequest("/api/compare", "not json", "not valid JSON");
        assertBadRequest("/api/compare", "[1]", "must be a JSON object");
        assertBadRequest("/api/compare", "{\"run\":" + okRun + "}", "\"browser\" must be an object");
        assertBadRequest("/api/compare", "{\"browser\":" + okBrowser + "}", "\"run\" must be an object");
        assertBadRequest("/api/compare", "{\"run\":" + okRun + ",\"browser\":" + okBrowser + ",\"x\":1}",
                "unknown field \"x\"");
        assertBadRequest("/api/compare", "{\"run\":{\"main\":\"main.py\"},\"browser\":" + okBrowser + "}", "files");
        assertBadRequest("/api/compare", "{\"run\":" + okRun + ",\"browser\":"
                + okBrowser.replace("\"ok\"", "\"fine\"") + "}", "\"browser.status\" must be ok, timeout");
        assertBadRequest("/api/compare", "{\"run\":" + okRun + ",\"browser\":"
                + okBrowser.replace("\"exitCode\":0", "\"exitCode\":\"0\"") + "}", "\"browser.exitCode\" must be a whole number");
        assertBadRequest("/api/compare", "{\"run\":" + okRun + ",\"browser\":" + okBrowser.replace("[]",
                "[{\"path\":\"a\",\"change\":\"created\",\"size\":1,\"sha256\":\"xyz\"}]") + "}",
                "\"browser.files[0]\": sha256 must be 64 lowercase hex digits");
        assertBadRequest("/api/compare", "{\"run\":" + okRun.replace("}", ",\"deterministic\":{\"seed\":-1}}")
                + ",\"browser\":" + okBrowser + "}", "\"deterministic.seed\" must be a whole number from 0 to 9007199254740991");
        assertBadRequest("/api/run", okRun.replace("}", ",\"deterministic\":true}"), "\"deterministic\" must be an object");
        assertBadRequest("/api/run", okRun.replace("}", ",\"deterministic\":{\"seed\":1.5}}"), "\"deterministic.seed\"");
        assertBadRequest("/api/run", okRun.replace("}", ",\"deterministic\":{\"sead\":1}}"), "unknown field \"sead\"");
        // a snippet is a workspace only: deterministic mode is a setting of a run, not part of what is shared
        assertBadRequest("/api/snippets", okRun.replace("}", ",\"deterministic\":{}}"), "unknown field \"deterministic\"");
    }

    private static void assertBadRequest(String path, String body, String messagePart) throws Exception {
        HttpResponse<String> response = client.post(path, body);
        assertEquals(400, response.statusCode(), body + " -> " + response.body());
        String error = json(response).get("error").textValue();
        assertTrue(error.contains(messagePart), body + " -> " + error);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
