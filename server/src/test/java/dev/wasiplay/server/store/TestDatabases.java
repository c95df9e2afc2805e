package dev.wasiplay.server.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the test command ({@code ./wasiplay test}) starts on loopback, announced by
 * {@code WASIPLAY_TEST_PG_URL} (a {@code jdbc:postgresql:} URL) with {@code WASIPLAY_TEST_PG_USER} and
 * {@code WASIPLAY_TEST_PG_PASSWORD}. Without it, PostgreSQL tests fail under {@code CI=true} and are skipped,
 * with the reason, elsewhere.
 */
public final class TestDatabases {

    public static final String URL_VARIABLE = "WASIPLAY_TEST_PG_URL";

    private TestDatabases() {}

    /** Where a test's own PostgreSQL schema is: URL (with currentSchema), user and password. */
    public record Postgres(String url, String user, String password) {}

    /**
     * A fresh, empty schema in the test PostgreSQL server, so each test starts from no tables at all (and
     * Flyway migrates it from scratch).
     */
    public static Postgres freshPostgresSchema() {
        String baseUrl = System.getenv(URL_VARIABLE);
        if (baseUrl == null || baseUrl.isBlank()) {
            String reason = URL_VARIABLE + " is not set: run the tests with ./wasiplay test, which starts a "
                    + "throwaway PostgreSQL server for them";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + " (on CI the PostgreSQL tests must run, not be skipped)");
            }
            Assumptions.abort(reason);
        }
        String user = System.getenv("WASIPLAY_TEST_PG_USER");
        String password = System.getenv("WASIPLAY_TEST_PG_PASSWORD");
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(baseUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new AssertionError("cannot reach the test PostgreSQL server at " + baseUrl + ": " + e.getMessage(), e);
        }
        return new Postgres(baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
    }
}
