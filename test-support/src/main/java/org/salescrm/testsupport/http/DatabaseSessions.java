package org.salescrm.testsupport.http;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the service's database sessions are doing, read on a connection of its own (the service's pool may have
 * none left): when connections are held, this says whether by a query, a lock wait or an abandoned transaction.
 */
public final class DatabaseSessions {

    private DatabaseSessions() {
    }

    /**
     * Transactions committed or rolled back in the service's database so far: while it grows, work is being done.
     * PostgreSQL publishes these counts about once a second.
     */
    public static long transactionsEnded() {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read pg_stat_database", e);
        }
    }

    /** One line per session of the service's database other than this one, or why they could not be read. */
    public static List<String> describe() {
        List<String> sessions = new ArrayList<>();
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT state, wait_event_type, wait_event, now() - xact_start AS in_transaction, left(query, 160)
                     FROM pg_stat_activity
                     WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                     ORDER BY xact_start NULLS LAST""")) {
            while (rows.next()) {
                sessions.add(rows.getString(1) + " | waiting on " + rows.getString(2) + "/" + rows.getString(3)
                        + " | in transaction for " + rows.getString(4) + " | " + rows.getString(5));
            }
        } catch (SQLException e) {
            sessions.add("could not read pg_stat_activity: " + e.getMessage());
        }
        return sessions;
    }

    /** A connection of its own, not the service's pool: the pool may have none left. */
    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("crm");
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("crm");
        return DriverManager.getConnection(url, user, password);
    }
}
