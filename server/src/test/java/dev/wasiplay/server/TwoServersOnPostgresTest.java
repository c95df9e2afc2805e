package dev.wasiplay.server;

import static dev.wasiplay.server.HttpTestClient.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasiplay.server.store.TestDatabases;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Two server instances sharing one PostgreSQL database, as behind a load balancer. */
class TwoServersOnPostgresTest {

    @Test
    void oneServerReadsWhatTheOtherWrote() throws Exception {
        TestDatabases.Postgres postgres = TestDatabases.freshPostgresSchema();
        ServerConfig config = ServerConfig.builder()
                .database(postgres.url(), postgres.user(), postgres.password())
                .build();
        WasiPlayServer first = new WasiPlayServer(config);
        WasiPlayServer second = new WasiPlayServer(config);
        try {
            HttpTestClient one = new HttpTestClient(first.start(0));
            HttpTestClient two = new HttpTestClient(second.start(0));

            HttpResponse<String> saved = one.post("/api/snippets",
                    "{\"files\": {\"main.py\": \"print('written on one')\"}, \"main\": \"main.py\"}");
            assertEquals(200, saved.statusCode(), saved.body());
            String id = json(saved).get("id").textValue();
            byte[] module = CGuests.compile("int main(void) { return 0; }");
            HttpResponse<String> uploaded = two.post("/api/modules", module, "application/wasm");
            assertEquals(200, uploaded.statusCode(), uploaded.body());
            String sha256 = json(uploaded).get("sha256").textValue();

            HttpResponse<String> read = two.getText("/api/snippets/" + id);
            assertEquals(200, read.statusCode(), read.body());
            assertEquals("print('written on one')", json(read).get("files").get("main.py").textValue());
            assertEquals(200, two.getText("/s/" + id).statusCode());
            assertArrayEquals(module, one.get("/api/modules/" + sha256).body());
            HttpResponse<String> resaved = two.post("/api/snippets",
                    "{\"main\": \"main.py\", \"files\": {\"main.py\": \"print('written on one')\"}}");
            assertEquals(id, json(resaved).get("id").textValue(), "the other server finds it already saved");
            for (HttpTestClient client : new HttpTestClient[] {one, two}) {
                assertEquals("POSTGRESQL", json(client.getText("/api/health")).get("database").textValue());
            }
        } finally {
            first.stop();
            second.stop();
        }
    }
}
