package org.salescrm.analytics.alerts;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.salescrm.analytics.Sql;
import org.salescrm.analytics.archive.Archived;
import org.salescrm.platform.database.Columns;

/**
 * The deals of the customers at hand, each with its last qualifying activity as the facts now say, and the one
 * write that keeps what the rules derived from them: last activity and next check, for the deals where either moved.
 * Read and written here together because each deal's row was otherwise rewritten twice a batch (its activity, then
 * its moment on the scan), and both passes joined every deal of the customers: in the benchmark's ingest they were a
 * third of PostgreSQL's time.
 */
final class Deals {

    /** A batch reads thousands of deals: by position, the select list's order (Columns says why). */
    private static final Columns COLUMNS = Columns.of("opportunity_id", "customer_id", "owner_id", "owner_team", "stage",
            "status", "stage_entered_at", "expected_close_date", "opened_at", "held_activity", "held_check", "live",
            "activity");

    private Deals() {
    }

    /**
     * A deal of the customers at hand: {@code state} as the stall rule reads it, its activity recomputed; whether it
     * is {@code live} (neither it nor its customer archived: only a live deal is a rule's input); what its row holds.
     */
    record Deal(OpportunityState state, boolean live, Instant heldActivity, Instant heldCheck) {

        UUID id() {
            return state.opportunityId();
        }

        boolean moved(Instant check) {
            return !Objects.equals(state.lastActivityAt(), heldActivity) || !Objects.equals(check, heldCheck);
        }
    }

    /** The rules' inputs among them. */
    static List<OpportunityState> live(List<Deal> deals) {
        return deals.stream().filter(Deal::live).map(Deal::state).toList();
    }

    /**
     * Qualifying activity: a visit for the customer or for the opportunity, a completed follow-up for
     * either, a stage change (which stage_entered_at holds). Editing a field is not activity. Recomputed from the
     * detail rows rather than incremented, so the result is the same whatever order the topics' events arrived in.
     * A visit or follow-up for a deal is one for the deal's customer too (visit-service lets one name only a deal of
     * its customer), so the customer's latest of each is the deal's: read once per customer, from the first entry
     * of its index range, so the cost grows neither with the history nor with the customer's deals.
     * <p>
     * Of the customers in {@code activityOnly} (whose events since their last evaluation can have moved nothing but
     * their deals' last activity: visits, follow-ups), only the deals whose activity moved: for the others every input
     * of the rules is as at their last evaluation, so are the findings and the next check. A visit older than the
     * customer's latest (a backlog worked off, a visit logged offline and synced late) reads no deal at all.
     */
    static Uni<List<Deal>> of(List<UUID> customerIds, Set<UUID> activityOnly) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Sql.rows(COLUMNS, """
                WITH c AS MATERIALIZED (SELECT k.customer_id, %s AS live,
                        (SELECT max(v.occurred_at) FROM visit_fact v WHERE v.customer_id = k.customer_id) AS visited,
                        (SELECT max(f.completed_at) FROM follow_up_fact f
                          WHERE f.customer_id = k.customer_id AND f.status = 'COMPLETED') AS followed_up,
                        k.customer_id = ANY (CAST(?2 AS uuid[])) AS activity_only
                      FROM (SELECT DISTINCT customer_id FROM opportunity_fact
                            WHERE customer_id = ANY (CAST(?1 AS uuid[]))) k)
                SELECT o.opportunity_id, o.customer_id, o.owner_id, o.owner_team, o.stage, o.status, o.stage_entered_at,
                       o.expected_close_date, o.opened_at, o.last_activity_at AS held_activity,
                       o.next_check_at AS held_check, c.live AND NOT o.archived AS live, a.activity
                -- the customers named again: joined with the CTE alone, PostgreSQL read every deal
                FROM opportunity_fact o JOIN c ON c.customer_id = o.customer_id
                CROSS JOIN LATERAL (SELECT GREATEST(o.stage_entered_at, o.opened_at, c.visited, c.followed_up)
                                    AS activity) a
                WHERE o.customer_id = ANY (CAST(?1 AS uuid[]))
                  AND (NOT c.activity_only OR a.activity IS DISTINCT FROM o.last_activity_at)
                ORDER BY o.opportunity_id""".formatted(Archived.customerLive("k.customer_id")),
                Sql.array(customerIds, UUID.class), Sql.array(activityOnly, UUID.class))
                .map(rows -> rows.stream().map(r -> new Deal(new OpportunityState(r.uuid("opportunity_id"),
                        r.uuid("customer_id"), r.text("owner_id"), r.text("owner_team"), r.text("stage"),
                        r.text("status"), r.instant("stage_entered_at"), r.instant("activity"),
                        r.date("expected_close_date"), r.instant("opened_at")), r.flag("live"),
                        r.instant("held_activity"), r.instant("held_check"))).toList());
    }

    /**
     * One statement for the deals whose activity or moment on the scan ({@code checks}; none for a deal the rules did
     * not read) moved; most of a batch's visits are not a customer's latest, so most rows are not written at all.
     */
    static Uni<Void> write(List<Deal> deals, Map<UUID, Instant> checks) {
        List<Deal> moved = deals.stream().filter(d -> d.moved(checks.get(d.id()))).toList();
        if (moved.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Sql.update("""
                        UPDATE opportunity_fact t SET last_activity_at = m.activity, next_check_at = m.at
                        FROM unnest(CAST(?1 AS uuid[]), CAST(CAST(?2 AS text[]) AS timestamptz[]),
                                CAST(CAST(?3 AS text[]) AS timestamptz[])) AS m(id, activity, at)
                        WHERE t.opportunity_id = m.id""",
                Sql.array(moved, UUID.class, Deal::id), Sql.instants(moved, d -> d.state().lastActivityAt()),
                Sql.instants(moved, d -> checks.get(d.id()))).replaceWithVoid();
    }
}
