package dev.wasiplay.server;

import static dev.wasiplay.server.HttpTestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wasiplay.server.store.StoreException;
import dev.wasiplay.server.store.TcpRelay;
import dev.wasiplay.server.store.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database going away while the server runs: a real database (PostgreSQL from the test command, H2 as a TCP
 * server) behind a {@link TcpRelay} that the test cuts, so the server's connections break and new ones are
 * refused. Snippet and module endpoints answer a JSON 503 with Retry-After, health fails, runs and images (which
 * need no store) still work, and everything works again once the database is back, without a restart.
 */
class DatabaseOutageTest {

    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?(/.*)");

    @Test
    void postgresqlGoingAway() throws Exception {
        TestDatabases.Postgres postgres = TestDatabases.freshPostgresSchema();
        Matcher url = POSTGRES_URL.matcher(postgres.url());
        assertTrue(url.matches(), postgres.url());
        int port = url.group(2) == null ? 5432 : Integer.parseInt(url.group(2));
        try (TcpRelay relay = new TcpRelay(url.group(1), port)) {
            String relayed = "jdbc:postgresql://127.0.0.1:" + relay.port() + url.group(3);
            checkOutage(relay, relayed, postgres.user(), postgres.password(), "POSTGRESQL");
        }
    }

    @Test
    void h2ServerGoingAway(@TempDir Path dir) throws Exception {
        Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString()).start();
        try (TcpRelay relay = new TcpRelay("127.0.0.1", h2.getPort())) {
            checkOutage(relay, "jdbc:h2:tcp://127.0.0.1:" + relay.port() + "/./wasiplay", "sa", "", "H2");
        } finally {
            h2.stop();
        }
    }

    @Test
    void aServerDoesNotStartWithoutItsDatabase() throws Exception {
        int closedPort;
        try (TcpRelay relay = new TcpRelay("127.0.0.1", 9)) {
            closedPort = relay.port();
        }
        WasiPlayServer server = new WasiPlayServer(ServerConfig.builder()
                .database("jdbc:postgresql://127.0.0.1:" + closedPort + "/wasiplay", "nobody", "x").build());
        StoreException refused = assertThrows(StoreException.class, () -> server.start(0));
        assertTrue(refused.getMessage().startsWith("cannot open the POSTGRESQL database at jdbc:postgresql://127.0.0.1:"
                + closedPort + "/wasiplay: "), refused.getMessage());
        assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
    }

    private static void checkOutage(TcpRelay relay, String url, String user, String password, String vendor)
            throws Exception {
        WasiPlayServer server = new WasiPlayServer(ServerConfig.builder()
                .database(url, user, password)
                .databaseWait(Duration.ofSeconds(1))
                .rateLimitPerMinute(0)
                .build());
        try {
            HttpTestClient client = new HttpTestClient(server.start(0));
            String workspace = "{\"files\": {\"main.py\": \"print(6 * 7)\"}, \"main\": \"main.py\"}";
            HttpResponse<String> saved = client.post("/api/snippets", workspace);
            assertEquals(200, saved.statusCode(), saved.body());
            String id = json(saved).get("id").textValue();
            assertEquals(vendor, json(client.getText("/api/health")).get("database").textValue());

            relay.cut();

            HttpResponse<String> health = client.getText("/api/health");
            assertUnavailable(health, "unhealthy: the database ");
            assertUnavailable(client.post("/api/snippets", workspace.replace("6 * 7", "7 * 6")),
                    "the database is unavailable: cannot save snippet ");
            assertUnavailable(client.getText("/api/snippets/" + id), "the database is unavailable: cannot read snippet " + id);
            assertUnavailable(client.getText("/api/snippets/" + id + "/image"), "the database is unavailable: ");
            assertUnavailable(client.getText("/api/modules/" + "a".repeat(64)), "the database is unavailable: ");
            assertEquals(503, client.getText("/s/" + id).statusCode(), "the share page");

            HttpResponse<byte[]> image = client.postForBytes("/api/image", workspace);
            assertEquals(200, image.statusCode(), "an image needs no store");
            HttpResponse<String> run = client.post("/api/run", workspace);
            assertEquals(200, run.statusCode(), run.body());
            assertEquals("42\n", json(run).get("stdout").textValue(), "a python run needs no store");

            relay.restore();

            assertEquals(200, waitForHealth(client).statusCode(), "healthy again once the database is back");
            HttpResponse<String> read = client.getText("/api/snippets/" + id);
            assertEquals(200, read.statusCode(), read.body());
            assertEquals("print(6 * 7)", json(read).get("files").get("main.py").textValue());
            assertEquals(200, client.post("/api/snippets", workspace.replace("6 * 7", "7 * 6")).statusCode());
        } finally {
            server.stop();
        }
    }

    private static void assertUnavailable(HttpResponse<String> response, String messageStart) throws Exception {
        assertEquals(503, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("5", response.headers().firstValue("Retry-After").orElse(null), "Retry-After");
        JsonNode error = json(response);
        String message = error.get("error").textValue();
        assertTrue(message.startsWith(messageStart), message);
        assertFalse(message.contains("\n"), "one line: " + message);
    }

    /** The pool reconnects in the background; health answers 200 within a few seconds of the database's return. */
    private static HttpResponse<String> waitForHealth(HttpTestClient client) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> health;
        while ((health = client.getText("/api/health")).statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return health;
    }
}
