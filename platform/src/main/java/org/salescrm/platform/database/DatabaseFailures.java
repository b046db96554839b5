package org.salescrm.platform.database;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;

/** Tells a database that is away (restarting, failing over) from a statement that is wrong. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** Connection refused or lost, or the server shutting down: worth retrying, never the data's fault. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** A unique index refused the row (SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
            // Hibernate Reactive reports the server's error as text with the SQLSTATE in brackets.
            if (t.getMessage() != null && t.getMessage().contains("(23505)")) {
                return true;
            }
        }
        return false;
    }
}
