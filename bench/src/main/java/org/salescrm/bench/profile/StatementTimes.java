package org.salescrm.bench.profile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.salescrm.embedded.PostgresServer;

/**
 * PostgreSQL's own account of where its time went, statement by statement over every database
 * ({@code pg_stat_statements}, which the bench's server preloads): reset before a run, read after it. The CPU meter
 * tells how much PostgreSQL worked per event; this tells for which statements.
 */
public final class StatementTimes {

    /** Planning counted too ({@link #SETTINGS}): the services prepare no statement, so each is planned at every call. */
    private static final String TOP = """
            SELECT d.datname, s.calls, s.total_exec_time + s.total_plan_time AS total_time, s.total_plan_time, s.rows,
                   left(regexp_replace(s.query, '\\s+', ' ', 'g'), 220) AS query,
                   (s.total_exec_time + s.total_plan_time)
                       / NULLIF(sum(s.total_exec_time + s.total_plan_time) OVER (), 0) AS share
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            ORDER BY total_time DESC LIMIT %d""";

    /** What the server must be started with for this account: the module preloaded, planning time tracked. */
    public static final Map<String, String> SETTINGS = Map.of("shared_preload_libraries", "pg_stat_statements",
            "pg_stat_statements.track_planning", "on");

    private final PostgresServer postgres;

    public StatementTimes(PostgresServer postgres) {
        this.postgres = postgres;
    }

    /** Forgets what every statement cost so far. */
    public void reset() {
        run(statement -> {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
            return null;
        });
    }

    /** The {@code limit} statements that took the most time since {@link #reset}, one line each. */
    public List<String> top(int limit) {
        return run(statement -> {
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(String.format(TOP, limit))) {
                while (rows.next()) {
                    lines.add(String.format("%5.1f%%  %9.0f ms (planning %,.0f)  %,9d calls  %,11d rows  [%s] %s",
                            100 * rows.getDouble("share"), rows.getDouble("total_time"),
                            rows.getDouble("total_plan_time"), rows.getLong("calls"), rows.getLong("rows"),
                            rows.getString("datname"), rows.getString("query")));
                }
            }
            return lines;
        });
    }

    private <T> T run(Query<T> query) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(),
                postgres.password()); Statement statement = connection.createStatement()) {
            return query.on(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements could not be read", e);
        }
    }

    @FunctionalInterface
    private interface Query<T> {
        T on(Statement statement) throws SQLException;
    }
}
