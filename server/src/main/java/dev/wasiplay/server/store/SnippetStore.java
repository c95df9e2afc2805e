package dev.wasiplay.server.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Snippets in the {@code snippets} table: content-addressed, immutable, saved at most once. Saving what is
 * already there is a no-op, also when several requests (or servers) save the same snippet at once.
 */
public final class SnippetStore {

    /** How often a save re-reads a row another transaction inserted but has not committed yet. */
    private static final int MAX_ATTEMPTS = 100;

    private final Database database;

    public SnippetStore(Database database) {
        this.database = database;
    }

    /**
     * Stores {@code content} under {@code id}; when it returns, the snippet is committed.
     *
     * @return true if it was new, false if the same content was already stored under that id
     * @throws StoreException if {@code id} holds other content (an id collision) or the database failed
     */
    public boolean save(String id, String content) {
        String sha256 = Hashes.sha256Hex(content.getBytes(UTF_8));
        try (Connection connection = database.connection()) {
            for (int attempt = 1; ; attempt++) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO snippets (id, sha256, content) VALUES (?, ?, ?)")) {
                    insert.setString(1, id);
                    insert.setString(2, sha256);
                    insert.setString(3, content);
                    insert.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    if (!Hashes.isUniqueViolation(e)) {
                        throw e;
                    }
                }
                String stored = storedSha256(connection, id);
                if (sha256.equals(stored)) {
                    return false;
                }
                if (stored != null) {
                    throw new StoreException("snippet id " + id + " already holds other content (an id collision)", null);
                }
                if (attempt == MAX_ATTEMPTS) {
                    throw new StoreException("snippet " + id + " is being saved by another request that does not "
                            + "finish", null);
                }
                Thread.sleep(10); // the row that clashed is not committed yet
            }
        } catch (SQLException e) {
            throw new StoreException("cannot save snippet " + id + ": " + Database.rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while saving snippet " + id, e);
        }
    }

    /** The content stored under {@code id}, if any. */
    public Optional<String> find(String id) {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("SELECT content FROM snippets WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read snippet " + id + ": " + Database.rootMessage(e), e);
        }
    }

    /** How many snippets are stored. */
    public long count() {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM snippets");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count snippets: " + Database.rootMessage(e), e);
        }
    }

    private static String storedSha256(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT sha256 FROM snippets WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
