package org.salescrm.platform.database;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;

/** Tells a database that is away (restarting, failing over) from a statement that is wrong. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * Connection refused or lost, the server shutting down, or no connection of the pool free within its wait:
     * worth retrying, never the data's fault. A busy pool counts as the database being away, so an event consumer
     * waits for it (instead of spending its attempts and dead-lettering good events) and a request answers 503.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException || isPoolTimeout(t)) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The Vert.x SQL pool fails a borrow that found no free connection within its connection timeout with a bare
     * {@code NoStackTraceThrowable("Timeout")} (SqlConnectionPool), which has no type or code of its own.
     */
    private static boolean isPoolTimeout(Throwable t) {
        return t instanceof NoStackTraceThrowable && "Timeout".equals(t.getMessage());
    }

    /**
     * PostgreSQL rolled the transaction back to break a deadlock (SQLSTATE 40P01): the whole of it is undone, so
     * running it again is correct, and usually succeeds once the other transaction has committed.
     */
    public static boolean isDeadlock(Throwable failure) {
        return hasSqlState(failure, "40P01");
    }

    /** A unique index refused the row (SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable failure) {
        return hasSqlState(failure, "23505");
    }

    private static boolean hasSqlState(Throwable failure, String sqlState) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && sqlState.equals(pg.getSqlState())) {
                return true;
            }
            // Hibernate Reactive reports the server's error as text with the SQLSTATE in brackets.
            if (t.getMessage() != null && t.getMessage().contains("(" + sqlState + ")")) {
                return true;
            }
        }
        return false;
    }
}
