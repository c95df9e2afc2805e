package dev.wasiplay.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's SQL database: a connection pool on H2 (embedded, one file in the data directory) or
 * PostgreSQL, migrated to the current schema by Flyway when opened ({@code db/migration/V*__*.sql}).
 */
public final class Database implements AutoCloseable {

    /** The database products the migrations are written for. */
    public enum Vendor { H2, POSTGRESQL }

    /** File name (without H2's {@code .mv.db}) of the embedded database inside the data directory. */
    public static final String EMBEDDED_FILE_NAME = "wasiplay";

    /** How long a request waits for a connection by default before the database counts as unavailable. */
    public static final Duration DEFAULT_CONNECTION_WAIT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final Vendor vendor;
    private final String description;

    private Database(HikariDataSource pool, Vendor vendor, String description) {
        this.pool = pool;
        this.vendor = vendor;
        this.description = description;
    }

    /**
     * Opens (creating it on first use) the embedded H2 database in {@code dataDir}. Every commit is written
     * to the file before it returns ({@code WRITE_DELAY=0}), so what was acknowledged survives a killed
     * process. H2 lets one process at a time open the file.
     */
    public static Database openEmbedded(Path dataDir) {
        return openEmbedded(dataDir, DEFAULT_CONNECTION_WAIT);
    }

    /** {@link #openEmbedded(Path)}, waiting at most {@code connectionWait} for a connection. */
    public static Database openEmbedded(Path dataDir, Duration connectionWait) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalStateException("the data directory " + dir + " is not writable");
        }
        String url = "jdbc:h2:file:" + dir.resolve(EMBEDDED_FILE_NAME)
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        return open(url, null, null, "H2 database in " + dir, connectionWait);
    }

    /** Opens the database at a {@code jdbc:postgresql:} (or {@code jdbc:h2:}) URL and migrates it. */
    public static Database open(String url, String user, String password) {
        return open(url, user, password, DEFAULT_CONNECTION_WAIT);
    }

    /**
     * {@link #open(String, String, String)}, waiting at most {@code connectionWait} for a connection: past it a
     * request fails with a {@link StoreException} that is {@linkplain StoreException#unavailable() unavailable}.
     */
    public static Database open(String url, String user, String password, Duration connectionWait) {
        return open(url, user, password, vendorOf(url) + " database at " + withoutQuery(url), connectionWait);
    }

    private static Database open(String url, String user, String password, String description, Duration connectionWait) {
        Vendor vendor = vendorOf(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("wasiplay-db");
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setExceptionOverrideClassName(EvictBrokenConnections.class.getName());
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        long waitMillis = connectionWait.toMillis();
        config.setConnectionTimeout(waitMillis);
        // Hikari's floor is 250 ms, and a validation must end within the wait.
        config.setValidationTimeout(Math.max(250, Math.min(5_000, waitMillis / 2)));
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the " + description + ": " + rootMessage(e), e);
        }
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .placeholders(Map.of("binary", vendor == Vendor.H2 ? "BLOB" : "BYTEA"))
                    .load()
                    .migrate();
            log.info("{}: schema version {}{}", description, result.targetSchemaVersion == null
                    ? result.initialSchemaVersion : result.targetSchemaVersion,
                    result.migrationsExecuted > 0 ? " (" + result.migrationsExecuted + " migrations applied)" : "");
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate the " + description + ": " + rootMessage(e), e);
        }
        return new Database(pool, vendor, description);
    }

    public Vendor vendor() {
        return vendor;
    }

    /** Where the data is, for logs: "H2 database in /srv/wasiplay/data", "POSTGRESQL database at jdbc:...". */
    public String description() {
        return description;
    }

    /** A pooled connection in auto-commit mode; close it to give it back. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    private static final int HEALTH_QUERY_SECONDS = 5;

    /** Throws if the database cannot answer a trivial query within a few seconds. */
    public void checkHealth() {
        // A real statement, not Connection.isValid: a session whose database was closed under it (H2 after its
        // last connection dropped) can still pass isValid while every statement fails.
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(HEALTH_QUERY_SECONDS);
            statement.execute("SELECT 1");
        } catch (SQLException e) {
            throw new StoreException("the database is unreachable: " + rootMessage(e), e);
        }
    }

    /**
     * Tells the pool to drop a connection whose failure says the connection itself is unusable, beyond the
     * SQLSTATE class 08 the pool already drops on: H2 answers "Database is already closed" (90121, a
     * {@link SQLNonTransientConnectionException}) on a session its server closed under it, and such a connection
     * would go on failing every statement after the database is back.
     */
    public static final class EvictBrokenConnections implements SQLExceptionOverride {
        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException failure) {
            return failure instanceof SQLNonTransientConnectionException
                    ? SQLExceptionOverride.Override.MUST_EVICT
                    : SQLExceptionOverride.Override.CONTINUE_EVICT;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static Vendor vendorOf(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return Vendor.H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Vendor.POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL (jdbc:h2: or jdbc:postgresql: only): " + url);
    }

    /** A JDBC URL without its parameters, which may hold a password. */
    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
