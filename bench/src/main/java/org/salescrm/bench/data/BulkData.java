package org.salescrm.bench.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.salescrm.bench.BenchConfig;
import org.salescrm.embedded.PostgresServer;

/**
 * Realistic volumes, fast: set-based INSERT … SELECT FROM generate_series into the tables the services' own
 * migrations created (so the services must have started once). The API would take hours for 500,000 visits; what is
 * measured through the API is the traffic on top of this data. Rows are what the services would have written, minus
 * the side tables a read never touches (customer history, stage history, outbox rows already sent).
 */
public final class BulkData {

    /** Open deals per customer in analytics' facts: a rep's customer has a handful, not a hundred. */
    private static final int OPPORTUNITIES_PER_CUSTOMER = 10;

    private final PostgresServer postgres;
    private final BenchConfig config;

    public BulkData(PostgresServer postgres, BenchConfig config) {
        this.postgres = postgres;
        this.config = config;
    }

    public void load() {
        timed("customer", this::customers);
        timed("visit", this::visits);
        timed("analytics", this::analytics);
    }

    private void customers(Statement sql) throws SQLException {
        sql.execute("""
                INSERT INTO customer (id, name, normalized_name, industry, region, scale, source, phone, credit_code,
                                      grade, owner_id, owner_team, last_contact_at, created_by, created_at, updated_at,
                                      version, owner_since)
                SELECT %s, '压测客户' || i || '有限公司', '压测客户' || i, '制造业', '华东', '中型', '展会',
                       '139' || lpad(i::text, 8, '0'), '91' || lpad(i::text, 16, '0'),
                       (ARRAY['A', 'B', 'C'])[1 + i %% 3], 'bench-rep-' || i %% %d, '%s', now() - interval '3 days',
                       'bench-rep-' || i %% %d, now() - interval '200 days', now() - interval '3 days', 1,
                       now() - interval '200 days'
                FROM generate_series(1, %d) i""".formatted(Ids.sql(Ids.CUSTOMER, "i"), Ids.REPS, Ids.TEAM,
                Ids.REPS, config.customers()));
        sql.execute("""
                INSERT INTO opportunity (id, customer_id, name, amount, currency, product_line, expected_close_date,
                                         opened_on, stage, status, probability, stage_entered_at, owner_id, owner_team,
                                         created_by, created_at, updated_at, version)
                SELECT %s, %s, '商机' || i, 10000 + i %% 990000, 'CNY', 'ERP 许可', current_date + 60,
                       current_date - 30, 'INTENT', 'OPEN', 30, now() - interval '5 days',
                       'bench-rep-' || (1 + i %% %d) %% %d, '%s', 'bench-rep-' || (1 + i %% %d) %% %d,
                       now() - interval '30 days', now() - interval '5 days', 1
                FROM generate_series(1, %d) i""".formatted(Ids.sql(Ids.OPPORTUNITY, "i"),
                Ids.sql(Ids.CUSTOMER, "(1 + i % " + config.customers() + ")"), config.customers(), Ids.REPS,
                Ids.TEAM, config.customers(), Ids.REPS, config.opportunities()));
        sql.execute("VACUUM ANALYZE customer");
        sql.execute("VACUUM ANALYZE opportunity");
    }

    /** visit-service's replica of who owns which customer (its access check), and the visits of the past months. */
    private void visits(Statement sql) throws SQLException {
        sql.execute("""
                INSERT INTO customer_replica (customer_id, name, grade, owner_id, owner_team, aggregate_version)
                SELECT %s, '压测客户' || i || '有限公司', (ARRAY['A', 'B', 'C'])[1 + i %% 3], 'bench-rep-' || i %% %d,
                       '%s', 1
                FROM generate_series(1, %d) i""".formatted(Ids.sql(Ids.CUSTOMER, "i"), Ids.REPS, Ids.TEAM,
                config.customers()));
        sql.execute("""
                INSERT INTO visit (id, logged_by, customer_id, owner_id, owner_team, method, occurred_at, logged_at,
                                   purpose, purpose_achieved, duration_minutes, summary, sentiment, effective,
                                   late_entry, version, created_at, updated_at)
                SELECT %s, 'bench-rep-' || c %% %d, %s, 'bench-rep-' || c %% %d, '%s', 'ONSITE',
                       now() - (i %% 120) * interval '1 day', now() - (i %% 120) * interval '1 day',
                       '需求调研', true, 45, '拜访客户，沟通需求与报价，约定下次演示。', 'POSITIVE', true, false, 1,
                       now() - (i %% 120) * interval '1 day', now() - (i %% 120) * interval '1 day'
                FROM generate_series(1, %d) i, LATERAL (SELECT 1 + i %% %d AS c) customer_number"""
                .formatted(Ids.sql(Ids.VISIT, "i"), Ids.REPS, Ids.sql(Ids.CUSTOMER, "c"), Ids.REPS, Ids.TEAM,
                        config.visits(), config.customers()));
        sql.execute("VACUUM ANALYZE customer_replica");
        sql.execute("VACUUM ANALYZE visit");
    }

    /**
     * analytics' facts: the open opportunities the stall scan walks, ten to a customer as a sales team's book has
     * them, so there are more customers here than in customer-service (the first {@code customers} are the same
     * customers, whose events the request rows and the backlog bring). One deal in a hundred has been idle for 40 days
     * (a stall to raise); the rest were active two days ago, so the scan finds a realistic few.
     */
    private void analytics(Statement sql) throws SQLException {
        int customers = Math.max(config.customers(), config.scanOpportunities() / OPPORTUNITIES_PER_CUSTOMER);
        sql.execute("""
                INSERT INTO customer_fact (customer_id, name, grade, owner_id, owner_team, created_at,
                                           aggregate_version, last_visit_at)
                SELECT %s, '压测客户' || i || '有限公司', (ARRAY['A', 'B', 'C'])[1 + i %% 3], 'bench-rep-' || i %% %d,
                       '%s', now() - interval '200 days', 1, now() - interval '3 days'
                FROM generate_series(1, %d) i""".formatted(Ids.sql(Ids.CUSTOMER, "i"), Ids.REPS, Ids.TEAM,
                customers));
        sql.execute("""
                INSERT INTO opportunity_fact (opportunity_id, customer_id, name, stage, status, stage_entered_at,
                                              last_activity_at, amount, currency, product_line, expected_close_date,
                                              probability, owner_id, owner_team, opened_at, aggregate_version)
                SELECT %s, %s, '商机' || i, (ARRAY['TARGET', 'POTENTIAL', 'INTENT', 'PROJECT'])[1 + i %% 4], 'OPEN',
                       now() - interval '5 days',
                       CASE WHEN i %% 100 = 0 THEN now() - interval '40 days' ELSE now() - interval '2 days' END,
                       10000 + i %% 990000, 'CNY', 'ERP 许可', current_date + 60, 30,
                       'bench-rep-' || (1 + i %% %d) %% %d, '%s', now() - interval '30 days', 1
                FROM generate_series(1, %d) i""".formatted(Ids.sql(Ids.SCAN_OPPORTUNITY, "i"),
                Ids.sql(Ids.CUSTOMER, "(1 + i % " + customers + ")"), customers, Ids.REPS,
                Ids.TEAM, config.scanOpportunities()));
        sql.execute("VACUUM ANALYZE customer_fact");
        sql.execute("VACUUM ANALYZE opportunity_fact");
    }

    private void timed(String database, SqlWork work) {
        long began = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(),
                postgres.password()); Statement sql = connection.createStatement()) {
            work.run(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("bulk load into " + database + " failed: " + e.getMessage(), e);
        }
        System.out.printf("[bench] loaded %s in %.1f s%n", database, (System.nanoTime() - began) / 1e9);
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Statement sql) throws SQLException;
    }
}
