package dev.wasiplay.server;

import static dev.wasiplay.server.HttpTestClient.body;
import static dev.wasiplay.server.HttpTestClient.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wasiplay.polyfill.vfs.TarImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Snippets over HTTP: save, read back, share pages, embeds; the real server with its embedded H2. */
class SnippetApiTest {

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

    private static JsonNode save(String snippetJson) throws Exception {
        HttpResponse<String> response = client.post("/api/snippets", snippetJson);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    @Test
    void savesASnippetAndAnswersItsIdAndShareUrl() throws Exception {
        String snippet = body(Map.of(
                "files", Map.of("main.py", "print('shared')", "data/blob.bin", Map.of("base64", "AAEC/w==")),
                "main", "main.py", "args", List.of("a b"), "env", Map.of("MODE", "test"), "stdin", "line\n"));

        JsonNode answer = save(snippet);

        String id = answer.get("id").textValue();
        assertTrue(id.matches("[A-Za-z0-9_-]{12}"), id);
        assertEquals("/s/" + id, answer.get("url").textValue());
        assertEquals(2, answer.size(), answer.toString());

        HttpResponse<String> read = client.getText("/api/snippets/" + id);
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("public, max-age=31536000, immutable", read.headers().firstValue("Cache-Control").orElse(null));
        JsonNode stored = json(read);
        assertEquals("python-3.12", stored.get("runtime").textValue());
        assertEquals("print('shared')", stored.get("files").get("main.py").textValue());
        assertEquals("AAEC/w==", stored.get("files").get("data/blob.bin").get("base64").textValue());
        assertEquals("main.py", stored.get("main").textValue());
        assertEquals("a b", stored.get("args").get(0).textValue());
        assertEquals("test", stored.get("env").get("MODE").textValue());
        assertEquals("line\n", stored.get("stdin").textValue());
        assertEquals(new WorkspaceParser().parse(snippet.getBytes(StandardCharsets.UTF_8)).canonicalJson(), read.body(),
                "GET answers the canonical JSON the id was computed from");
    }

    @Test
    void givesTheSameContentTheSameIdWhateverItsForm() throws Exception {
        String first = save("{\"files\": {\"main.py\": \"print(2)\"}, \"main\": \"main.py\"}").get("id").textValue();
        String second = save("{\"main\": \"/main.py\", \"stdin\": \"\", \"files\": {\"/main.py\": {\"base64\": \"cHJpbnQoMik=\"}}}")
                .get("id").textValue();
        String other = save("{\"files\": {\"main.py\": \"print(3)\"}, \"main\": \"main.py\"}").get("id").textValue();

        assertEquals(first, second);
        assertFalse(first.equals(other));
    }

    @Test
    void answersRevalidationOfASnippetWith304() throws Exception {
        String id = save("{\"files\": {\"main.py\": \"print(304)\"}, \"main\": \"main.py\"}").get("id").textValue();

        HttpResponse<String> response = client.getText("/api/snippets/" + id, "If-None-Match", "\"" + id + "\"");

        assertEquals(304, response.statusCode());
    }

    @Test
    void answersUnknownSnippetsWithJson404() throws Exception {
        for (String id : List.of("AAAAAAAAAAAA", "not-an-id", "AAAAAAAAAAAAA")) {
            HttpResponse<String> response = client.getText("/api/snippets/" + id);

            assertEquals(404, response.statusCode(), id);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertTrue(json(response).get("error").textValue().startsWith("no snippet with id"), response.body());
            assertEquals(404, client.head("/api/snippets/" + id).statusCode(), "HEAD " + id);
        }
    }

    @Test
    void rejectsBadSnippetsWithAClearMessage() throws Exception {
        HttpResponse<String> missingMain = client.post("/api/snippets", "{\"files\": {\"main.py\": \"\"}}");
        HttpResponse<String> notJson = client.post("/api/snippets", "{\"files\": ");
        HttpResponse<String> unknownModule = client.post("/api/snippets",
                "{\"runtime\": \"module:" + "c".repeat(64) + "\"}");

        assertEquals(400, missingMain.statusCode());
        assertEquals("\"main\" is missing; name the file to run, e.g. \"main.py\"", json(missingMain).get("error").textValue());
        assertEquals(400, notJson.statusCode());
        assertTrue(json(notJson).get("error").textValue().startsWith("the request body is not valid JSON"));
        assertEquals(400, unknownModule.statusCode());
        assertEquals("no uploaded module with SHA-256 " + "c".repeat(64) + "; upload it first with POST /api/modules",
                json(unknownModule).get("error").textValue());
    }

    @Test
    void rejectsASnippetOverTheSizeLimit() throws Exception {
        String big = body(Map.of("files", Map.of("main.py", "#" + "x".repeat(ServerConfig.DEFAULT_MAX_BODY_BYTES)),
                "main", "main.py"));

        HttpResponse<String> response = client.post("/api/snippets", big);

        assertEquals(413, response.statusCode());
        assertEquals("the request body is larger than 1048576 bytes", json(response).get("error").textValue());
    }

    @Test
    void concurrentSavesOfOneSnippetAllSucceedWithOneId() throws Exception {
        String snippet = "{\"files\": {\"main.py\": \"print('many at once')\"}, \"main\": \"main.py\"}";
        int clients = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Set<String> ids = new HashSet<>();
        try {
            List<Future<HttpResponse<String>>> saves = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                saves.add(pool.submit((Callable<HttpResponse<String>>) () -> {
                    start.await();
                    return client.post("/api/snippets", snippet);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> save : saves) {
                HttpResponse<String> response = save.get(60, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), response.body());
                ids.add(json(response).get("id").textValue());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, ids.size(), ids.toString());
        assertEquals(200, client.getText("/api/snippets/" + ids.iterator().next()).statusCode());
    }

    // ---- Filesystem images ----------------------------------------------------------------------------------

    @Test
    void servesTheFilesystemImageOfASnippetAndOfAnyWorkspace() throws Exception {
        String snippet = body(Map.of("files", Map.of("main.py", "print(1)", "lib/data.bin", Map.of("base64", "AP8="),
                "lib/notes.txt", "ünïcode"), "main", "main.py"));
        String id = save(snippet).get("id").textValue();

        HttpResponse<byte[]> image = client.get("/api/snippets/" + id + "/image");
        HttpResponse<byte[]> fromBody = client.postForBytes("/api/image", snippet);

        assertEquals(200, image.statusCode());
        assertEquals("application/x-tar", image.headers().firstValue("Content-Type").orElse(null));
        assertEquals("public, max-age=31536000, immutable", image.headers().firstValue("Cache-Control").orElse(null));
        assertEquals(200, fromBody.statusCode());
        assertArrayEquals(image.body(), fromBody.body(), "the same workspace has the same image, saved or not");
        dev.wasiplay.polyfill.vfs.VirtualFileSystem tree = new dev.wasiplay.polyfill.vfs.VirtualFileSystem();
        TarImage.extract(image.body(), tree);
        assertEquals(List.of("lib/data.bin", "lib/notes.txt", "main.py"), List.copyOf(tree.files().keySet()));
        assertArrayEquals(new byte[] {0, (byte) 0xFF}, tree.readFile("lib/data.bin"));
        assertEquals("ünïcode", new String(tree.readFile("lib/notes.txt"), StandardCharsets.UTF_8));
        assertEquals(404, client.getText("/api/snippets/AAAAAAAAAAAA/image").statusCode());
    }

    // ---- /s/{id} and /embed/{id} -------------------------------------------------------------------------

    @Test
    void servesThePlaygroundAtAShareUrl() throws Exception {
        String id = save("{\"files\": {\"main.py\": \"print('s')\"}, \"main\": \"main.py\"}").get("id").textValue();

        HttpResponse<String> page = client.getText("/s/" + id);

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<title>WasiPlay"));
        assertTrue(page.body().contains("id=\"editor-host\""));
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(null));
    }

    @Test
    void servesAFrameableEmbedPage() throws Exception {
        String id = save("{\"files\": {\"main.py\": \"print('e')\"}, \"main\": \"main.py\"}").get("id").textValue();

        HttpResponse<String> page = client.getText("/embed/" + id);

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>WasiPlay snippet</title>"), page.body());
        assertTrue(page.body().contains("src=\"/embed.js?v="), "assets are referenced by version");
        assertFalse(page.headers().firstValue("X-Frame-Options").isPresent(), "other sites may frame it");
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.endsWith("frame-ancestors *"), csp);
        assertEquals("cross-origin", page.headers().firstValue("Cross-Origin-Resource-Policy").orElse(null),
                "a cross-origin isolated site may embed it too");
        assertEquals("require-corp", page.headers().firstValue("Cross-Origin-Embedder-Policy").orElse(null));
    }

    @Test
    void answersShareAndEmbedUrlsOfUnknownSnippetsWith404Pages() throws Exception {
        for (String path : List.of("/s/AAAAAAAAAAAA", "/embed/AAAAAAAAAAAA", "/s/%3Cscript%3E")) {
            HttpResponse<String> page = client.getText(path);

            assertEquals(404, page.statusCode(), path);
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
            assertTrue(page.body().contains("No such snippet"), page.body());
            assertEquals(404, client.head(path).statusCode(), "HEAD " + path);
            assertFalse(page.body().contains("<script>"), "the id is escaped");
        }
    }
}
