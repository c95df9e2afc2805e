package dev.wasiplay.server.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The snippet and module stores on both databases: H2 in a temporary directory and the test PostgreSQL. */
class StoreTest {

    enum Kind { H2, POSTGRESQL }

    @TempDir
    Path dataDir;

    private final List<Database> opened = new ArrayList<>();
    private TestDatabases.Postgres postgres;

    /** Opens the kind's database; for PostgreSQL, a fresh schema per test, the same one when opened again. */
    private Database open(Kind kind) {
        Database database;
        if (kind == Kind.H2) {
            database = Database.openEmbedded(dataDir);
        } else {
            if (postgres == null) {
                postgres = TestDatabases.freshPostgresSchema();
            }
            database = Database.open(postgres.url(), postgres.user(), postgres.password());
        }
        opened.add(database);
        return database;
    }

    @AfterEach
    void closeDatabases() {
        opened.forEach(Database::close);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void migratesAnEmptyDatabaseToTheCurrentSchema(Kind kind) throws Exception {
        Database database = open(kind);

        assertEquals(kind.name(), database.vendor().name());
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL "
                                + "ORDER BY \"installed_rank\"");
                ResultSet rows = select.executeQuery()) {
            assertTrue(rows.next());
            assertEquals("1", rows.getString(1));
            assertTrue(rows.getBoolean(2));
            assertFalse(rows.next(), "one migration so far");
        }
        database.checkHealth();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void savesAndFindsSnippets(Kind kind) {
        SnippetStore store = new SnippetStore(open(kind));

        assertTrue(store.save("abcdefghijkl", "{\"x\":\"ü\\n\"}"));

        assertEquals(Optional.of("{\"x\":\"ü\\n\"}"), store.find("abcdefghijkl"));
        assertEquals(Optional.empty(), store.find("bcdefghijklm"));
        assertEquals(1, store.count());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void savingTheSameSnippetAgainChangesNothing(Kind kind) {
        SnippetStore store = new SnippetStore(open(kind));
        store.save("abcdefghijkl", "{}");

        assertFalse(store.save("abcdefghijkl", "{}"));
        assertEquals(1, store.count());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void refusesOtherContentUnderATakenId(Kind kind) {
        SnippetStore store = new SnippetStore(open(kind));
        store.save("abcdefghijkl", "{\"a\":\"1\"}");

        StoreException collision = assertThrows(StoreException.class, () -> store.save("abcdefghijkl", "{\"a\":\"2\"}"));

        assertTrue(collision.getMessage().contains("id collision"), collision.getMessage());
        assertEquals(Optional.of("{\"a\":\"1\"}"), store.find("abcdefghijkl"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void concurrentSavesOfOneSnippetStoreItOnceWithoutErrors(Kind kind) throws Exception {
        SnippetStore store = new SnippetStore(open(kind));
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> saves = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                saves.add(pool.submit((Callable<Boolean>) () -> {
                    start.await();
                    return store.save("concurrent12", "{\"same\":\"content\"}");
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<Boolean> save : saves) {
                created += save.get(60, TimeUnit.SECONDS) ? 1 : 0; // throws if any save failed
            }
            assertEquals(1, created, "exactly one save inserted the row");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, store.count());
        assertEquals(Optional.of("{\"same\":\"content\"}"), store.find("concurrent12"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void keepsWhatWasSavedWhenOpenedAgain(Kind kind) {
        Database first = open(kind);
        new SnippetStore(first).save("persisted123", "{\"kept\":\"yes\"}");
        byte[] wasm = {0, 'a', 's', 'm', 1, 0, 0, 0};
        String sha256 = new ModuleStore(first).save(wasm);
        first.close();

        Database again = open(kind);

        assertEquals(Optional.of("{\"kept\":\"yes\"}"), new SnippetStore(again).find("persisted123"));
        assertArrayEquals(wasm, new ModuleStore(again).find(sha256).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void storesModulesByTheirSha256(Kind kind) throws Exception {
        ModuleStore store = new ModuleStore(open(kind));
        byte[] wasm = new byte[3 << 20]; // a few MiB, like a real module
        for (int i = 0; i < wasm.length; i++) {
            wasm[i] = (byte) (i * 31 + (i >> 11));
        }

        String sha256 = store.save(wasm);
        String again = store.save(wasm.clone());

        assertEquals(Hashes.sha256Hex(wasm), sha256);
        assertEquals(sha256, again);
        assertTrue(store.exists(sha256));
        assertArrayEquals(wasm, store.find(sha256).orElseThrow());
        assertFalse(store.exists("0".repeat(64)));
        assertEquals(Optional.empty(), store.find("0".repeat(64)));
    }
}
