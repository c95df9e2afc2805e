package dev.wasiplay.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Uploaded wasm modules in the {@code modules} table, addressed by the SHA-256 of their bytes. */
public final class ModuleStore {

    private final Database database;

    public ModuleStore(Database database) {
        this.database = database;
    }

    /**
     * Stores {@code wasm} under its SHA-256; when it returns, the module is committed.
     *
     * @return the SHA-256 (lowercase hex)
     */
    public String save(byte[] wasm) {
        String sha256 = Hashes.sha256Hex(wasm);
        if (exists(sha256)) {
            return sha256;
        }
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO modules (sha256, size_bytes, wasm) VALUES (?, ?, ?)")) {
            insert.setString(1, sha256);
            insert.setLong(2, wasm.length);
            insert.setBytes(3, wasm);
            insert.executeUpdate();
        } catch (SQLException e) {
            // Same hash, same bytes: a concurrent upload of this module stored it first.
            if (!Hashes.isUniqueViolation(e)) {
                throw new StoreException("cannot save module " + sha256 + ": " + Database.rootMessage(e), e);
            }
        }
        return sha256;
    }

    /** The module's bytes, if stored. */
    public Optional<byte[]> find(String sha256) {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("SELECT wasm FROM modules WHERE sha256 = ?")) {
            select.setString(1, sha256);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read module " + sha256 + ": " + Database.rootMessage(e), e);
        }
    }

    public boolean exists(String sha256) {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("SELECT 1 FROM modules WHERE sha256 = ?")) {
            select.setString(1, sha256);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up module " + sha256 + ": " + Database.rootMessage(e), e);
        }
    }
}
