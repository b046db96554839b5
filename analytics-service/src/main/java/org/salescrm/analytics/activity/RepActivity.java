package org.salescrm.analytics.activity;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.salescrm.analytics.Sql;

/**
 * What each rep did per business day, as counters. Counters are only moved by an event applied for
 * the first time (the inbox's mark) that also changed a fact (the version gate), so they stay exact
 * under redelivery. Each amount is also kept as the share of the customer or opportunity it came from
 * ({@code activity_share}): an archived one's share is not counted, and archiving or restoring moves
 * exactly its share out of or back into the counters.
 */
@ApplicationScoped
public class RepActivity {

    private static final String ADD_SHARE = """
            INSERT INTO activity_share (subject_id, customer_id, owner_id, day, owner_team, new_customers, visits,
                                        effective_visits, won_deals, won_amount)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            ON CONFLICT (subject_id, owner_id, day) DO UPDATE SET
                owner_team = COALESCE(EXCLUDED.owner_team, activity_share.owner_team),
                new_customers = activity_share.new_customers + EXCLUDED.new_customers,
                visits = activity_share.visits + EXCLUDED.visits,
                effective_visits = activity_share.effective_visits + EXCLUDED.effective_visits,
                won_deals = activity_share.won_deals + EXCLUDED.won_deals,
                won_amount = activity_share.won_amount + EXCLUDED.won_amount""";

    private static final String ADD_TO_COUNTERS = """
            ON CONFLICT (owner_id, day) DO UPDATE SET
                owner_team = COALESCE(EXCLUDED.owner_team, rep_activity.owner_team),
                new_customers = rep_activity.new_customers + EXCLUDED.new_customers,
                visits = rep_activity.visits + EXCLUDED.visits,
                effective_visits = rep_activity.effective_visits + EXCLUDED.effective_visits,
                won_deals = rep_activity.won_deals + EXCLUDED.won_deals,
                won_amount = rep_activity.won_amount + EXCLUDED.won_amount""";

    /** Counted unless its customer, or the opportunity it came from, is archived. */
    private static final String ADD_IF_COUNTED = """
            INSERT INTO rep_activity (owner_id, day, owner_team, new_customers, visits, effective_visits, won_deals,
                                      won_amount)
            SELECT CAST(?1 AS TEXT), CAST(?2 AS DATE), CAST(?3 AS TEXT), CAST(?4 AS INTEGER), CAST(?5 AS INTEGER),
                   CAST(?6 AS INTEGER), CAST(?7 AS INTEGER), CAST(?8 AS NUMERIC)
            WHERE NOT EXISTS (SELECT 1 FROM customer_fact c WHERE c.customer_id = ?10 AND c.archived)
              AND NOT EXISTS (SELECT 1 FROM opportunity_fact o WHERE o.opportunity_id = ?9 AND o.archived)
            """ + ADD_TO_COUNTERS;

    /** Adds (sign 1) or takes back (sign -1) the shares matching a condition on {@code s}, per rep and day. */
    private static final String MOVE_SHARES = """
            INSERT INTO rep_activity (owner_id, day, owner_team, new_customers, visits, effective_visits, won_deals,
                                      won_amount)
            SELECT s.owner_id, s.day, max(s.owner_team), CAST(?2 AS INTEGER) * sum(s.new_customers),
                   CAST(?2 AS INTEGER) * sum(s.visits), CAST(?2 AS INTEGER) * sum(s.effective_visits),
                   CAST(?2 AS INTEGER) * sum(s.won_deals), CAST(?2 AS INTEGER) * sum(s.won_amount)
            FROM activity_share s WHERE %s GROUP BY s.owner_id, s.day
            """ + ADD_TO_COUNTERS;

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
        if (ownerId == null) {
            return Uni.createFrom().voidItem();
        }
        return Sql.update(ADD_SHARE, subjectId, customerId, ownerId, day, ownerTeam, delta.newCustomers,
                        delta.visits, delta.effectiveVisits, delta.wonDeals, delta.wonAmount)
                .chain(() -> Sql.update(ADD_IF_COUNTED, ownerId, day, ownerTeam, delta.newCustomers, delta.visits,
                        delta.effectiveVisits, delta.wonDeals, delta.wonAmount, subjectId, customerId))
                .replaceWithVoid();
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
