package org.salescrm.bench.alerts;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.salescrm.bench.data.Ids;
import org.salescrm.embedded.PostgresServer;

/**
 * Threshold to alert: a stall no event announces. A probe deal in NEGOTIATION (7 idle days allowed) of a customer of
 * its own (no visit of another deal counts as its activity) is written to analytics' facts with its last activity
 * just over 8 days minus {@code ahead} ago, so its idle threshold passes {@code ahead} from now, among all the open
 * opportunities loaded. The scheduled scan evaluates the new row, keeps that moment, and raises the alert in its first
 * run after the moment. The delay is the alert's {@code raised_at} minus the moment the rules named for the probe.
 */
public final class ThresholdToAlert {

    private static final Duration POLL = Duration.ofMillis(250);

    private final PostgresServer postgres;

    public ThresholdToAlert(PostgresServer postgres) {
        this.postgres = postgres;
    }

    /** The delay, or empty when no alert was raised within {@code timeout} of the threshold. */
    public Optional<Duration> measure(Duration ahead, Duration timeout) throws Exception {
        try (Connection sql = DriverManager.getConnection(postgres.jdbcUrl("analytics"), postgres.username(),
                postgres.password())) {
            UUID probe = insertProbe(sql, ahead);
            Instant threshold = awaitMoment(sql, probe, ahead.plus(timeout));
            System.out.printf("[bench] the probe's idle threshold passes at %s%n", threshold);
            // the threshold is at most `ahead` away: the alert is due within that and the timeout
            Optional<Duration> delay = awaitAlert(sql, probe, ahead.plus(timeout))
                    .map(raised -> Duration.between(threshold, raised));
            if (delay.filter(Duration::isNegative).isPresent()) {
                throw new IllegalStateException("the first scan to evaluate the probe ran after its threshold had "
                        + "passed: the moment it keeps is the next one, not the threshold's");
            }
            return delay;
        }
    }

    private static UUID insertProbe(Connection sql, Duration ahead) throws SQLException {
        UUID customer = UUID.randomUUID();
        UUID probe = UUID.randomUUID();
        execute(sql, """
                INSERT INTO customer_fact (customer_id, name, grade, owner_id, owner_team, created_at, aggregate_version)
                VALUES (?, '阈值探针客户', 'B', 'bench-rep-0', ?, now() - interval '200 days', 1)""", customer, Ids.TEAM);
        execute(sql, """
                INSERT INTO opportunity_fact (opportunity_id, customer_id, name, stage, status, stage_entered_at,
                    last_activity_at, amount, currency, expected_close_date, probability, owner_id, owner_team,
                    opened_at, aggregate_version)
                SELECT ?, ?, '阈值探针', 'NEGOTIATION', 'OPEN', at, at, 1000, 'CNY', current_date + 90, 80,
                       'bench-rep-0', ?, at, 1
                FROM (SELECT now() - interval '8 days' + make_interval(secs => ?) AS at) probe""",
                probe, customer, Ids.TEAM, (double) ahead.toSeconds());
        return probe;
    }

    /** The moment the rules keep for the probe once a scan has evaluated it (a new row starts due, at -infinity). */
    private static Instant awaitMoment(Connection sql, UUID probe, Duration timeout) {
        try {
            return await().atMost(timeout).pollInterval(POLL).until(() -> instant(sql, """
                    SELECT next_check_at FROM opportunity_fact
                    WHERE opportunity_id = ? AND isfinite(next_check_at)""", probe), Optional::isPresent).get();
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("no scan evaluated the probe within " + timeout.toSeconds() + " s", e);
        }
    }

    private static Optional<Instant> awaitAlert(Connection sql, UUID probe, Duration timeout) {
        try {
            return await().atMost(timeout).pollInterval(POLL).until(() -> instant(sql, """
                    SELECT raised_at FROM alert WHERE subject_id = ? AND type = 'STALLED_OPPORTUNITY'""", probe),
                    Optional::isPresent);
        } catch (ConditionTimeoutException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(Connection sql, String query, UUID id) throws SQLException {
        try (PreparedStatement statement = sql.prepareStatement(query)) {
            statement.setObject(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getTimestamp(1)).map(Timestamp::toInstant) : Optional.empty();
            }
        }
    }

    private static void execute(Connection sql, String statement, Object... values) throws SQLException {
        try (PreparedStatement prepared = sql.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                prepared.setObject(i + 1, values[i]);
            }
            prepared.executeUpdate();
        }
    }
}
