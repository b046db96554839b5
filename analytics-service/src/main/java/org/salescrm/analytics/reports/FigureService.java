package org.salescrm.analytics.reports;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.salescrm.analytics.archive.Archived;
import org.salescrm.analytics.reports.Figures.CloseRates;
import org.salescrm.analytics.reports.Figures.GroupBy;
import org.salescrm.analytics.reports.Figures.Item;
import org.salescrm.analytics.reports.Figures.Report;
import org.salescrm.analytics.reports.Figures.SalesCycle;
import org.salescrm.analytics.reports.Figures.Values;
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.time.Period;

/**
 * The managers' figures per rep or team for a period and the one before it, from the materialised state (see the
 * README for each figure's definition). Read-only aggregates, straight to the pool like the other reports; the
 * caller's scope applies to every query, so a team or rep out of reach gives no items.
 */
@ApplicationScoped
public class FigureService {

    private final Pool pool;
    private final Clock clock;

    public FigureService(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<Report> figures(Period period, String team, String ownerId, GroupBy groupBy, Caller caller) {
        Period previous = period.previous();
        Scope scope = new Scope(team, ownerId, groupBy, caller, period.end());
        return of(period, scope).chain(now -> of(previous, scope.asOf(previous.end())).map(before -> {
            TreeSet<String> keys = new TreeSet<>(now.keySet());
            keys.addAll(before.keySet());
            List<Item> items = new ArrayList<>();
            for (String key : keys) {
                items.add(Item.of(groupBy, key, values(now.get(key)), values(before.get(key))));
            }
            return new Report(items);
        }));
    }

    /**
     * Who asks, what they filter on and how the rows are grouped. A region is its teams as the organisation had
     * them on the period's last day ({@code asOf}), so a period keeps the structure it had.
     */
    private record Scope(String team, String ownerId, GroupBy groupBy, Caller caller, LocalDate asOf) {

        Scope asOf(LocalDate day) {
            return new Scope(team, ownerId, groupBy, caller, day);
        }

        /** The caller's scope and the filters on the owner and team columns of {@code alias}, the group key not null. */
        ReportQuery on(ReportQuery query, String alias) {
            return query.scope(caller, alias + ".owner_id", alias + ".owner_team")
                    .whereIfPresent(alias + ".owner_team = ?", team)
                    .whereIfPresent(alias + ".owner_id = ?", ownerId)
                    .where(key(alias) + " IS NOT NULL");
        }

        String key(String alias) {
            return switch (groupBy) {
                case REP -> alias + ".owner_id";
                case TEAM -> alias + ".owner_team";
                // a date this service formats, not input: safe to write into the statement
                case REGION -> ("(SELECT t.region FROM org_team_version t WHERE t.team = %s.owner_team"
                        + " AND t.effective_from <= DATE '%s' ORDER BY t.effective_from DESC LIMIT 1)")
                        .formatted(alias, asOf);
            };
        }
    }

    /** One period's figures per group key. */
    private Uni<Map<String, Tally>> of(Period period, Scope scope) {
        Map<String, Tally> tallies = new TreeMap<>();
        Window window = new Window(period, utc(period.start().atStartOfDay(clock.getZone()).toInstant()),
                utc(period.end().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
        return activity(window, scope, tallies)
                .chain(() -> effectiveCustomers(window, scope, tallies))
                .chain(() -> heldCustomers(window, scope, tallies))
                .chain(() -> deals(window, scope, tallies))
                .chain(() -> repeatPurchases(window, scope, tallies))
                .chain(() -> meetings(window, scope, tallies))
                .replaceWith(tallies);
    }

    /** The period as business days (both included) and as instants (start included, end excluded). */
    private record Window(Period period, OffsetDateTime start, OffsetDateTime end) {
    }

    private Uni<Void> activity(Window w, Scope scope, Map<String, Tally> tallies) {
        ReportQuery q = scope.on(new ReportQuery(), "a").where("a.day >= ?", w.period().start())
                .where("a.day <= ?", w.period().end());
        String sql = """
                SELECT %s AS k, sum(a.visits) AS visits, sum(a.effective_visits) AS effective_visits,
                       sum(a.new_customers) AS new_customers
                FROM rep_activity a WHERE %s GROUP BY 1""".formatted(scope.key("a"), q.clause());
        return each(sql, q, tallies, (t, r) -> {
            t.visits = r.getLong("visits");
            t.effectiveVisits = r.getLong("effective_visits");
            t.newCustomers = r.getLong("new_customers");
        });
    }

    /** Distinct customers with an effective visit in the period, counted for the visit's rep. */
    private Uni<Void> effectiveCustomers(Window w, Scope scope, Map<String, Tally> tallies) {
        ReportQuery q = scope.on(new ReportQuery(), "v").where("v.effective")
                .where(Archived.customerLive("v.customer_id"))
                .where("v.occurred_at >= ?", w.start()).where("v.occurred_at < ?", w.end());
        String sql = "SELECT %s AS k, count(DISTINCT v.customer_id) AS n FROM visit_fact v WHERE %s GROUP BY 1"
                .formatted(scope.key("v"), q.clause());
        return each(sql, q, tallies, (t, r) -> t.effectiveCustomers = r.getLong("n"));
    }

    /**
     * The customers a rep held at the period's start, against their state at its end: retained when the same rep
     * still holds them; of those graded B or C at the start, converted when graded A at the end.
     */
    private Uni<Void> heldCustomers(Window w, Scope scope, Map<String, Tally> tallies) {
        ReportQuery q = new ReportQuery();
        String atStart = q.placeholder("occurred_at < ?", w.start());
        String atEnd = q.placeholder("occurred_at < ?", w.end());
        scope.on(q, "s").where(Archived.customerLive("s.customer_id"));
        String sql = """
                WITH at_start AS (SELECT DISTINCT ON (customer_id) customer_id, grade, owner_id, owner_team
                                  FROM customer_version WHERE %1$s ORDER BY customer_id, aggregate_version DESC),
                     at_end AS (SELECT DISTINCT ON (customer_id) customer_id, grade, owner_id
                                FROM customer_version WHERE %2$s ORDER BY customer_id, aggregate_version DESC)
                SELECT %3$s AS k, count(*) FILTER (WHERE e.owner_id = s.owner_id) AS retained,
                       count(*) FILTER (WHERE s.grade IN ('B', 'C')) AS graded_bc,
                       count(*) FILTER (WHERE s.grade IN ('B', 'C') AND e.grade = 'A') AS bc_to_a
                FROM at_start s JOIN at_end e ON e.customer_id = s.customer_id
                WHERE %4$s GROUP BY 1""".formatted(atStart, atEnd, scope.key("s"), q.clause());
        return each(sql, q, tallies, (t, r) -> {
            t.retainedCustomers = r.getLong("retained");
            t.gradedBc = r.getLong("graded_bc");
            t.bcToA = r.getLong("bc_to_a");
        });
    }

    /** Deals won or lost in the period: win rate, average won amount, and the won deals' cycle (opened to won). */
    private Uni<Void> deals(Window w, Scope scope, Map<String, Tally> tallies) {
        ReportQuery q = new ReportQuery();
        String won = won(q, w);
        String lost = lost(q, w);
        scope.on(q, "o").where("(" + won + " OR " + lost + ")").where(Archived.opportunityLive("o"));
        String cycle = "extract(epoch FROM (o.won_at - o.opened_at)) / 86400.0";
        String sql = """
                SELECT %1$s AS k, count(*) FILTER (WHERE %2$s) AS won, count(*) FILTER (WHERE %3$s) AS lost,
                       avg(o.amount) FILTER (WHERE %2$s) AS average_won,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY %4$s) FILTER (WHERE %2$s) AS cycle_median,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY %4$s) FILTER (WHERE %2$s) AS cycle_p90
                FROM opportunity_fact o WHERE %5$s GROUP BY 1""".formatted(scope.key("o"), won, lost, cycle, q.clause());
        return each(sql, q, tallies, (t, r) -> {
            t.won = r.getLong("won");
            t.lost = r.getLong("lost");
            t.averageWon = r.getBigDecimal("average_won");
            t.cycleMedian = r.getDouble("cycle_median");
            t.cycleP90 = r.getDouble("cycle_p90");
        });
    }

    /** Customers with a deal won in the period, and those of them for whom it was not their first win. */
    private Uni<Void> repeatPurchases(Window w, Scope scope, Map<String, Tally> tallies) {
        ReportQuery q = new ReportQuery();
        scope.on(q, "o").where(won(q, w)).where(Archived.opportunityLive("o"));
        String sql = """
                SELECT k, count(DISTINCT customer_id) AS buyers,
                       count(DISTINCT customer_id) FILTER (WHERE again) AS repeat_buyers
                FROM (SELECT %s AS k, o.customer_id,
                             EXISTS (SELECT 1 FROM opportunity_fact p WHERE p.customer_id = o.customer_id
                                         AND p.status = 'WON' AND p.opportunity_id <> o.opportunity_id
                                         AND p.won_at < o.won_at AND NOT p.archived) AS again
                      FROM opportunity_fact o WHERE %s) d
                GROUP BY 1""".formatted(scope.key("o"), q.clause());
        return each(sql, q, tallies, (t, r) -> {
            t.buyers = r.getLong("buyers");
            t.repeatBuyers = r.getLong("repeat_buyers");
        });
    }

    /**
     * Deals closed in the period by the meetings before the close: visits to the customer from the deal's opening
     * to its close, not made for another deal. A deal closed without one counts in no bucket.
     */
    private Uni<Void> meetings(Window w, Scope scope, Map<String, Tally> tallies) {
        ReportQuery q = new ReportQuery();
        String won = won(q, w);
        String lost = lost(q, w);
        scope.on(q, "o").where("(" + won + " OR " + lost + ")").where(Archived.opportunityLive("o"));
        String sql = """
                SELECT k, LEAST(meetings, 3)::int AS bucket, count(*) FILTER (WHERE won) AS won, count(*) AS closed
                FROM (SELECT %s AS k, o.status = 'WON' AS won,
                             (SELECT count(*) FROM visit_fact v WHERE v.customer_id = o.customer_id
                                  AND v.occurred_at >= o.opened_at AND v.occurred_at <= COALESCE(o.won_at, o.lost_at)
                                  AND (v.opportunity_id IS NULL OR v.opportunity_id = o.opportunity_id)) AS meetings
                      FROM opportunity_fact o WHERE %s) d
                WHERE meetings > 0 GROUP BY 1, 2""".formatted(scope.key("o"), q.clause());
        return each(sql, q, tallies, (t, r) -> {
            int bucket = r.getInteger("bucket");
            t.wonByMeetings[bucket - 1] = r.getLong("won");
            t.closedByMeetings[bucket - 1] = r.getLong("closed");
        });
    }

    private static String won(ReportQuery q, Window w) {
        return q.placeholder("(o.status = 'WON' AND o.won_on >= ? AND o.won_on <= ?)", w.period().start(),
                w.period().end());
    }

    private static String lost(ReportQuery q, Window w) {
        return q.placeholder("(o.status = 'LOST' AND o.lost_at >= ? AND o.lost_at < ?)", w.start(), w.end());
    }

    private Uni<Void> each(String sql, ReportQuery q, Map<String, Tally> tallies, BiConsumer<Tally, Row> read) {
        return pool.preparedQuery(sql).execute(q.tuple()).invoke((RowSet<Row> rows) -> rows.forEach(r ->
                read.accept(tallies.computeIfAbsent(r.getString("k"), k -> new Tally()), r))).replaceWithVoid();
    }

    private static Values values(Tally t) {
        Tally tally = t == null ? new Tally() : t;
        return tally.values();
    }

    /** The counts one group's figures are made of, filled query by query. */
    private static final class Tally {
        long visits;
        long effectiveVisits;
        long newCustomers;
        long effectiveCustomers;
        long retainedCustomers;
        long gradedBc;
        long bcToA;
        long won;
        long lost;
        BigDecimal averageWon;
        Double cycleMedian;
        Double cycleP90;
        long buyers;
        long repeatBuyers;
        final long[] wonByMeetings = new long[3];
        final long[] closedByMeetings = new long[3];

        Values values() {
            return new Values(visits, effectiveVisits, newCustomers, effectiveCustomers, retainedCustomers,
                    ratio(bcToA, gradedBc), ratio(won, won + lost),
                    averageWon == null ? null : averageWon.setScale(2, RoundingMode.HALF_UP),
                    new SalesCycle(days(cycleMedian), days(cycleP90)), ratio(repeatBuyers, buyers),
                    new CloseRates(ratio(wonByMeetings[0], closedByMeetings[0]),
                            ratio(wonByMeetings[1], closedByMeetings[1]), ratio(wonByMeetings[2], closedByMeetings[2])));
        }
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal days(Double days) {
        return days == null ? null : BigDecimal.valueOf(days).setScale(1, RoundingMode.HALF_UP);
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
