package dev.wasiplay.server;

import static dev.wasiplay.server.HttpTestClient.json;
import static dev.wasiplay.server.HttpTestClient.runBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs past each server limit, over HTTP against real servers with small limits: every one ends with its status
 * in a 200 answer, a full pool answers 503 with Retry-After at once, and a normal run afterwards succeeds.
 */
class RunLimitsOverHttpTest {

    private static final String OUTPUT_FLOOD = "while True:\n    print('x' * 99)\n";
    private static final String MEMORY_BOMB = "print('started')\nhog = bytearray(200 * 1024 * 1024)\n";
    private static final String FD_EXHAUSTION = """
            import errno
            files = []
            try:
                while True:
                    files.append(open('/main.py'))
            except OSError as e:
                print(errno.errorcode[e.errno], len(files) > 0)
            """;

    private static JsonNode post(HttpTestClient client, String code) throws Exception {
        HttpResponse<String> response = client.post("/api/run", runBody(code));
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    private static void assertHealthy(HttpTestClient client) throws Exception {
        JsonNode result = post(client, "print(6 * 7)");
        assertEquals("ok", result.get("status").textValue(), result.toString());
        assertEquals("42\n", result.get("stdout").textValue());
    }

    @Test
    void memoryOutputAndDescriptorLimitsEachEndTheirRunAndTheServerStaysHealthy() throws Exception {
        WasiPlayServer server = new WasiPlayServer("127.0.0.1",
                new RunSettings(Duration.ofSeconds(90), 64L << 20, 10_000, 16, 2, 4));
        try {
            HttpTestClient client = new HttpTestClient(server.start(0));
            // All three at once: two run, one waits in the queue.
            CompletableFuture<JsonNode> flood = CompletableFuture.supplyAsync(() -> quietly(client, OUTPUT_FLOOD));
            CompletableFuture<JsonNode> bomb = CompletableFuture.supplyAsync(() -> quietly(client, MEMORY_BOMB));
            CompletableFuture<JsonNode> fds = CompletableFuture.supplyAsync(() -> quietly(client, FD_EXHAUSTION));

            JsonNode flooded = flood.get(3, TimeUnit.MINUTES);
            assertEquals("output-limit", flooded.get("status").textValue(), flooded.toString());
            assertEquals(134, flooded.get("exitCode").intValue());
            assertEquals(10_000, flooded.get("stdout").textValue().length());
            assertEquals("output limit exceeded: stdout passed its limit of 10000 bytes",
                    flooded.get("message").textValue());
            assertTrue(flooded.get("stderr").textValue().endsWith(flooded.get("message").textValue() + "\n"));

            JsonNode bombed = bomb.get(3, TimeUnit.MINUTES);
            assertEquals("memory", bombed.get("status").textValue(), bombed.toString());
            assertEquals("started\n", bombed.get("stdout").textValue());
            assertTrue(bombed.get("message").textValue().endsWith("past the limit of 1024 pages (64 MiB)"),
                    bombed.toString());

            JsonNode exhausted = fds.get(3, TimeUnit.MINUTES);
            assertEquals("ok", exhausted.get("status").textValue(), exhausted.toString());
            assertEquals("EMFILE True\n", exhausted.get("stdout").textValue());

            assertHealthy(client);
        } finally {
            server.stop();
        }
    }

    @Test
    void aFullServerAnswers503WithRetryAfterAndATimeoutIsReported() throws Exception {
        WasiPlayServer server = new WasiPlayServer("127.0.0.1",
                new RunSettings(Duration.ofSeconds(3), 64L << 20, 10_000, 16, 1, 0));
        try {
            HttpTestClient client = new HttpTestClient(server.start(0));
            CompletableFuture<JsonNode> busy = CompletableFuture.supplyAsync(() -> quietly(client, "while True:\n    pass\n"));
            Thread.sleep(1000); // the loop holds the only worker for its 3 s

            long started = System.nanoTime();
            HttpResponse<String> refused = client.post("/api/run", runBody("print('no room')"));
            long tookMs = (System.nanoTime() - started) / 1_000_000;

            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(tookMs < 1500, "the refusal took " + tookMs + " ms");
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElse("0"));
            assertTrue(retryAfter >= 1, "Retry-After: " + retryAfter);
            assertTrue(json(refused).get("error").textValue().startsWith("too many runs: all 1 workers are busy"),
                    refused.body());

            JsonNode timedOut = busy.get(1, TimeUnit.MINUTES);
            assertEquals("timeout", timedOut.get("status").textValue(), timedOut.toString());
            assertEquals(134, timedOut.get("exitCode").intValue());
            assertEquals("time limit exceeded: the run was stopped after 3 s", timedOut.get("message").textValue());
            assertTrue(timedOut.get("stderr").textValue().endsWith("time limit exceeded: the run was stopped after 3 s\n"));

        } finally {
            server.stop();
        }
        // 3 s may be short for even a small program on a loaded machine: check health with a longer limit (the same
        // memory cap and descriptor limit, so the same pre-started instances serve it).
        WasiPlayServer relaxed = new WasiPlayServer("127.0.0.1",
                new RunSettings(Duration.ofSeconds(90), 64L << 20, 10_000, 16, 1, 0));
        try {
            assertHealthy(new HttpTestClient(relaxed.start(0)));
        } finally {
            relaxed.stop();
        }
    }

    private static JsonNode quietly(HttpTestClient client, String code) {
        try {
            return post(client, code);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
