package dev.wasiplay.server.store;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;

/** The database failed or cannot be reached; {@link #unavailable()} tells a passing outage from an error. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the database could not be reached or answered in time: trying again later may work. */
    public boolean unavailable() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
