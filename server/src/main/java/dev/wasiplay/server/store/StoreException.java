package dev.wasiplay.server.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;

/** The database failed or cannot be reached; {@link #unavailable()} tells a passing outage from an error. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * True when the database could not be reached or answered in time: trying again later may work. That is a
     * transient or connection exception anywhere in the causes, or SQLSTATE class 08 (connection exception),
     * which is how PostgreSQL's driver reports a connection lost in the middle of a statement.
     */
    public boolean unavailable() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
