package org.salescrm.analytics.activity;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.salescrm.analytics.Sql;

/**
 * What each rep did per business day, as counters. Counters are only moved by an event applied for
 * the first time (the inbox's mark) that also changed a fact (the version gate), so they stay exact
 * under redelivery. Each amount is also kept as the share of the customer or opportunity it came from
 * ({@code activity_share}): an archived one's share is not counted, and archiving or restoring moves
 * exactly its share out of or back into the counters. What a batch adds waits in {@code rep_activity_delta}
 * until its end ({@link #writeCounters}).
 */
@ApplicationScoped
public class RepActivity {

    /** The entries of {@link #addAll}, one row each, numbered in their order. */
    private static final String ENTRIES = """
            unnest(CAST(?1 AS uuid[]), CAST(?2 AS uuid[]), CAST(?3 AS text[]),
                   CAST(?4 AS date[]), CAST(?5 AS text[]), CAST(?6 AS int[]),
                   CAST(?7 AS int[]), CAST(?8 AS int[]), CAST(?9 AS int[]),
                   CAST(?10 AS numeric[]))
                WITH ORDINALITY AS d(subject_id, customer_id, owner_id, day, owner_team, new_customers, visits,
                                     effective_visits, won_deals, won_amount, n)""";

    /** The entries' sums, and the last team named, per group. */
    private static final String SUMS = """
            (array_agg(d.owner_team ORDER BY d.n DESC) FILTER (WHERE d.owner_team IS NOT NULL))[1],
            sum(d.new_customers), sum(d.visits), sum(d.effective_visits), sum(d.won_deals), sum(d.won_amount)""";

    private static final String ADD_SHARES = """
            INSERT INTO activity_share (subject_id, customer_id, owner_id, day, owner_team, new_customers, visits,
                                        effective_visits, won_deals, won_amount)
            SELECT d.subject_id, d.customer_id, d.owner_id, d.day, %s
            FROM %s
            GROUP BY d.subject_id, d.customer_id, d.owner_id, d.day
            ORDER BY d.subject_id, d.owner_id, d.day
            ON CONFLICT (subject_id, owner_id, day) DO UPDATE SET
                owner_team = COALESCE(EXCLUDED.owner_team, activity_share.owner_team),
                new_customers = activity_share.new_customers + EXCLUDED.new_customers,
                visits = activity_share.visits + EXCLUDED.visits,
                effective_visits = activity_share.effective_visits + EXCLUDED.effective_visits,
                won_deals = activity_share.won_deals + EXCLUDED.won_deals,
                won_amount = activity_share.won_amount + EXCLUDED.won_amount""".formatted(SUMS, ENTRIES);

    /** Counted unless its customer, or the opportunity it came from, is archived. */
    private static final String ADD_TO_COUNTED = """
            INSERT INTO rep_activity_delta (owner_id, day, owner_team, new_customers, visits, effective_visits,
                                            won_deals, won_amount)
            SELECT d.owner_id, d.day, %s
            FROM %s
            WHERE NOT EXISTS (SELECT 1 FROM customer_fact c WHERE c.customer_id = d.customer_id AND c.archived)
              AND NOT EXISTS (SELECT 1 FROM opportunity_fact o WHERE o.opportunity_id = d.subject_id AND o.archived)
            GROUP BY d.owner_id, d.day""".formatted(SUMS, ENTRIES);

    /** Adds (sign 1) or takes back (sign -1) the shares matching a condition on {@code s}, per rep and day. */
    private static final String MOVE_SHARES = """
            INSERT INTO rep_activity_delta (owner_id, day, owner_team, new_customers, visits, effective_visits,
                                            won_deals, won_amount)
            SELECT s.owner_id, s.day, max(s.owner_team), CAST(?2 AS INTEGER) * sum(s.new_customers),
                   CAST(?2 AS INTEGER) * sum(s.visits), CAST(?2 AS INTEGER) * sum(s.effective_visits),
                   CAST(?2 AS INTEGER) * sum(s.won_deals), CAST(?2 AS INTEGER) * sum(s.won_amount)
            FROM activity_share s WHERE %s GROUP BY s.owner_id, s.day""";

    /**
     * The transaction's pending amounts (no other transaction sees them) added to the counters, summed per row, in
     * key order; the team is the last one named, as when the amounts were added one by one.
     */
    private static final String WRITE_COUNTERS = """
            WITH d AS (DELETE FROM rep_activity_delta RETURNING *)
            INSERT INTO rep_activity (owner_id, day, owner_team, new_customers, visits, effective_visits, won_deals,
                                      won_amount)
            SELECT d.owner_id, d.day,
                   (array_agg(d.owner_team ORDER BY d.seq DESC) FILTER (WHERE d.owner_team IS NOT NULL))[1],
                   sum(d.new_customers), sum(d.visits), sum(d.effective_visits), sum(d.won_deals), sum(d.won_amount)
            FROM d
            GROUP BY d.owner_id, d.day
            ORDER BY d.owner_id, d.day
            ON CONFLICT (owner_id, day) DO UPDATE SET
                owner_team = COALESCE(EXCLUDED.owner_team, rep_activity.owner_team),
                new_customers = rep_activity.new_customers + EXCLUDED.new_customers,
                visits = rep_activity.visits + EXCLUDED.visits,
                effective_visits = rep_activity.effective_visits + EXCLUDED.effective_visits,
                won_deals = rep_activity.won_deals + EXCLUDED.won_deals,
                won_amount = rep_activity.won_amount + EXCLUDED.won_amount""";

    private final ZoneId businessZone;

    public RepActivity(Clock clock) {
        this.businessZone = clock.getZone();
    }

    public LocalDate businessDay(Instant at) {
        return LocalDate.ofInstant(at, businessZone);
    }

    /**
     * @param subjectId the customer (a new customer, a visit) or the opportunity (a won deal) it counts for
     * @param customerId that subject's customer
     */
    public Uni<Void> add(UUID subjectId, UUID customerId, String ownerId, String ownerTeam, LocalDate day,
                         Delta delta) {
        return addAll(List.of(new Entry(subjectId, customerId, ownerId, ownerTeam, day, delta)));
    }

    /**
     * Adds the entries with two statements whatever their number: to their subjects' shares, and to the amounts
     * pending for the counters unless the customer or opportunity is archived now ({@link #writeCounters} adds
     * them at the batch's end). Each statement sums its entries per row first (a statement may touch a row once);
     * the team is the last one named, as when entries were added one by one. An entry without a rep counts for
     * nobody.
     */
    public Uni<Void> addAll(List<Entry> entries) {
        List<Entry> counted = entries.stream().filter(e -> e.ownerId() != null).toList();
        if (counted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Object[] columns = {Sql.array(counted, UUID.class, Entry::subjectId),
                Sql.array(counted, UUID.class, Entry::customerId),
                Sql.array(counted, String.class, Entry::ownerId), Sql.array(counted, LocalDate.class, Entry::day),
                Sql.array(counted, String.class, Entry::ownerTeam),
                Sql.array(counted, Integer.class, e -> e.delta().newCustomers()),
                Sql.array(counted, Integer.class, e -> e.delta().visits()),
                Sql.array(counted, Integer.class, e -> e.delta().effectiveVisits()),
                Sql.array(counted, Integer.class, e -> e.delta().wonDeals()),
                Sql.array(counted, BigDecimal.class, e -> e.delta().wonAmount())};
        return Sql.update(ADD_SHARES, columns).chain(() -> Sql.update(ADD_TO_COUNTED, columns)).replaceWithVoid();
    }

    /**
     * Adds what this transaction left pending to the counters, with one statement: the last of a batch, so that the
     * reps' rows, which other consumers' batches add to as well, stay locked only until it commits. Rows are written
     * in key order, so two batches lock them in one order rather than deadlock.
     */
    public Uni<Void> writeCounters() {
        return Sql.update(WRITE_COUNTERS).replaceWithVoid();
    }

    /**
     * Takes a customer's shares out of the counters ({@code counted} false) or puts them back, except those
     * of its opportunities archived on their own, which are out already and stay out.
     */
    public Uni<Void> countCustomer(UUID customerId, boolean counted) {
        return Sql.update(MOVE_SHARES.formatted("""
                        s.customer_id = ?1 AND NOT EXISTS (SELECT 1 FROM opportunity_fact o
                                                            WHERE o.opportunity_id = s.subject_id AND o.archived)"""),
                customerId, counted ? 1 : -1).replaceWithVoid();
    }

    /** Takes an opportunity's shares (its win) out of the counters or puts them back. */
    public Uni<Void> countOpportunity(UUID opportunityId, boolean counted) {
        return Sql.update(MOVE_SHARES.formatted("s.subject_id = ?1"), opportunityId, counted ? 1 : -1)
                .replaceWithVoid();
    }

    /** What to add for a subject to its rep's counters for a business day. */
    public record Entry(UUID subjectId, UUID customerId, String ownerId, String ownerTeam, LocalDate day, Delta delta) {
    }

    /** Amounts to add to one day's counters (negative to take a corrected visit back). */
    public record Delta(int newCustomers, int visits, int effectiveVisits, int wonDeals, BigDecimal wonAmount) {

        public static Delta newCustomer() {
            return new Delta(1, 0, 0, 0, BigDecimal.ZERO);
        }

        public static Delta visit(int sign, boolean effective) {
            return new Delta(0, sign, effective ? sign : 0, 0, BigDecimal.ZERO);
        }

        public static Delta won(BigDecimal amount) {
            return new Delta(0, 0, 0, 1, amount == null ? BigDecimal.ZERO : amount);
        }
    }
}
