package dev.wasiplay.server;

import static dev.wasiplay.server.HttpTestClient.json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aayushatharva.brotli4j.decoder.Decoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Compression, caching, security headers, health, limits and rate limiting of the real server. */
class HttpBehaviourTest {

    private static WasiPlayServer server;
    private static HttpTestClient client;
    /** A server with tiny limits: 3 POSTs per minute, 64-byte bodies, 16-byte modules. */
    private static WasiPlayServer strict;
    private static HttpTestClient strictClient;

    @BeforeAll
    static void startServers() {
        server = new WasiPlayServer();
        client = new HttpTestClient(server.start(0));
        strict = new WasiPlayServer(ServerConfig.builder()
                .rateLimitPerMinute(3).maxBodyBytes(64).maxModuleBytes(16).build());
        strictClient = new HttpTestClient(strict.start(0));
    }

    @AfterAll
    static void stopServers() {
        server.stop();
        strict.stop();
    }

    private static byte[] identity(String path) throws Exception {
        HttpResponse<byte[]> plain = client.get(path);
        assertEquals(200, plain.statusCode(), path);
        assertFalse(plain.headers().firstValue("Content-Encoding").isPresent());
        return plain.body();
    }

    private static byte[] gunzip(byte[] bytes) throws Exception {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    // ---- Compression --------------------------------------------------------------------------------------

    @Test
    void compressesStaticFilesWithBrotliWhenAcceptedElseGzip() throws Exception {
        for (String path : List.of("/embed.js", "/js/wasiplay-worker-teavm.js", "/embed.css")) {
            byte[] original = identity(path);

            HttpResponse<byte[]> br = client.get(path, "Accept-Encoding", "gzip, deflate, br, zstd");
            HttpResponse<byte[]> gzip = client.get(path, "Accept-Encoding", "gzip");

            assertEquals("br", br.headers().firstValue("Content-Encoding").orElse(null), path);
            assertArrayEquals(original, Decoder.decompress(br.body()).getDecompressedData(), path);
            assertTrue(br.body().length < original.length / 2, path + " compresses well");
            assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(null), path);
            assertArrayEquals(original, gunzip(gzip.body()), path);
            assertEquals(Long.valueOf(gzip.body().length), gzip.headers().firstValueAsLong("Content-Length").orElse(-1));
            assertTrue(br.headers().allValues("Vary").contains("Accept-Encoding"), path);
        }
    }

    @Test
    void honoursARefusedEncoding() throws Exception {
        HttpResponse<byte[]> response = client.get("/embed.js", "Accept-Encoding", "br;q=0, gzip;q=0");

        assertFalse(response.headers().firstValue("Content-Encoding").isPresent());
        assertArrayEquals(identity("/embed.js"), response.body());
    }

    @Test
    void compressesLargeApiAnswers() throws Exception {
        String text = "print('compress me')\n".repeat(200);
        String id = json(client.post("/api/snippets", HttpTestClient.body(Map.of("files", Map.of("main.py", text),
                "main", "main.py")))).get("id").textValue();

        HttpResponse<byte[]> response = client.get("/api/snippets/" + id, "Accept-Encoding", "gzip");

        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse(null));
        JsonNode snippet = HttpTestClient.JSON.readTree(gunzip(response.body()));
        assertEquals(text, snippet.get("files").get("main.py").textValue());
    }

    // ---- Caching ------------------------------------------------------------------------------------------

    @Test
    void referencesPageAssetsByVersionAndCachesThoseForGood() throws Exception {
        String page = new String(client.get("/").body(), UTF_8);
        // The page's bundle is content-hashed by its build; the server still adds its own ?v=<hash>.
        Matcher script = Pattern.compile("src=\"((/assets/app-[^\"?]+\\.js)\\?v=([0-9a-f]{16}))\"").matcher(page);
        Matcher style = Pattern.compile("href=\"(/assets/[^\"?]+\\.css\\?v=[0-9a-f]{16})\"").matcher(page);
        assertTrue(script.find(), page);
        assertTrue(style.find(), page);

        HttpResponse<byte[]> versioned = client.get(script.group(1));
        HttpResponse<byte[]> plain = client.get(script.group(2));
        HttpResponse<byte[]> stale = client.get(script.group(2) + "?v=0000000000000000");

        assertEquals("public, max-age=31536000, immutable", versioned.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("no-cache", plain.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("no-cache", stale.headers().firstValue("Cache-Control").orElse(null),
                "an old version's URL gets today's bytes, which must not be cached under it");
        assertEquals(script.group(3), sha256(plain.body()).substring(0, 16), "the version is the content's hash");
        assertEquals("no-cache", client.get("/").headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void revalidatesStaticFilesWithTheirEtag() throws Exception {
        HttpResponse<byte[]> first = client.get("/embed.css");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = client.get("/embed.css", "If-None-Match", etag);

        assertEquals("\"" + sha256(first.body()) + "\"", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
    }

    // ---- Security headers ---------------------------------------------------------------------------------

    @Test
    void protectsThePageWithAContentSecurityPolicyAndNoFraming() throws Exception {
        HttpResponse<byte[]> page = client.get("/");

        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertEquals("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; "
                + "connect-src 'self' blob:; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'none'", csp);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(null));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("same-origin", page.headers().firstValue("Cross-Origin-Opener-Policy").orElse(null));
        assertEquals("require-corp", page.headers().firstValue("Cross-Origin-Embedder-Policy").orElse(null));
    }

    @Test
    void leavesNoInlineScriptOrStyleThePolicyWouldBlock() throws Exception {
        for (String path : List.of("/", "/embed.html")) {
            String page = new String(client.get(path).body(), UTF_8);

            assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(page).find(), path + " has an inline script");
            assertFalse(page.contains("<style") || page.contains(" style="), path + " has inline styles");
            assertFalse(Pattern.compile("\\son[a-z]+=").matcher(page).find(), path + " has event handler attributes");
        }
    }

    // ---- Health -------------------------------------------------------------------------------------------

    @Test
    void reportsHealthForLoadBalancers() throws Exception {
        HttpResponse<String> health = client.getText("/api/health");
        HttpResponse<String> head = client.head("/api/health");

        assertEquals(200, health.statusCode());
        assertEquals("ok", json(health).get("status").textValue());
        assertEquals("H2", json(health).get("database").textValue());
        assertEquals("no-store", health.headers().firstValue("Cache-Control").orElse(null));
        assertEquals(200, head.statusCode());
    }

    // ---- Limits -------------------------------------------------------------------------------------------

    @Test
    void limitsBodiesModulesAndPostsPerClientAddress() throws Exception {
        HttpResponse<String> bigBody = strictClient.post("/api/run", "{\"files\": {\"main.py\": \"" + "x".repeat(64) + "\"}}");
        HttpResponse<String> bigModule = strictClient.post("/api/modules", new byte[17], "application/wasm");
        HttpResponse<String> third = strictClient.post("/api/snippets", "{}");
        HttpResponse<String> fourth = strictClient.post("/api/snippets", "{}");

        assertEquals(413, bigBody.statusCode());
        assertEquals("the request body is larger than 64 bytes", json(bigBody).get("error").textValue());
        assertEquals(413, bigModule.statusCode());
        assertEquals("the request body is larger than 16 bytes", json(bigModule).get("error").textValue());
        assertEquals(400, third.statusCode(), "the third POST of the minute is still served");

        assertEquals(429, fourth.statusCode(), fourth.body());
        long retryAfter = fourth.headers().firstValueAsLong("Retry-After").orElse(-1);
        assertTrue(retryAfter >= 1 && retryAfter <= 20, "Retry-After: " + retryAfter);
        assertEquals("too many requests from your address: at most 3 per minute; try again in " + retryAfter + " s",
                json(fourth).get("error").textValue());
        assertEquals(200, strictClient.getText("/api/health").statusCode(), "GETs are not limited");
    }

    private static String sha256(byte[] bytes) {
        return dev.wasiplay.server.store.Hashes.sha256Hex(bytes);
    }
}
