package org.salescrm.analytics.state;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.salescrm.analytics.Sql;

/**
 * Recomputes the columns that summarise other facts: an opportunity's last qualifying activity and a
 * customer's counts. Recomputed from the detail rows rather than incremented, so the result is the
 * same whatever order the topics' events arrived in.
 */
@ApplicationScoped
public class DerivedState {

    private final Clock clock;

    public DerivedState(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> refresh(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids = List.copyOf(customerIds);
        return lastActivity(ids).chain(() -> customers(ids));
    }

    /**
     * Qualifying activity: a visit for the customer or for the opportunity, a completed follow-up for
     * either, a stage change (which stage_entered_at holds). Editing a field is not activity. One
     * subquery per column rather than an {@code OR} across two: each reads one index (the customer's
     * latest visit is the first entry of its index range), so the cost does not grow with the history; the
     * customer's own latest visit and follow-up are read once per customer, not once for each of its deals.
     * Only rows whose moment moved are written: most of a batch's visits are not a customer's latest, and
     * rewriting every deal of every customer at hand was the ingest's largest write. The moments are computed
     * apart ({@code MATERIALIZED}), else PostgreSQL inlines them into both the filter and the assignment and
     * reads each subquery twice for every row that moved.
     */
    private Uni<Void> lastActivity(List<UUID> ids) {
        return Sql.update("""
                WITH c AS MATERIALIZED (SELECT k.customer_id,
                        (SELECT max(v.occurred_at) FROM visit_fact v WHERE v.customer_id = k.customer_id) AS visited,
                        (SELECT max(f.completed_at) FROM follow_up_fact f
                          WHERE f.customer_id = k.customer_id AND f.status = 'COMPLETED') AS followed_up
                      FROM (SELECT DISTINCT customer_id FROM opportunity_fact WHERE customer_id IN (?1)) k),
                n AS MATERIALIZED (SELECT x.opportunity_id, GREATEST(x.stage_entered_at, x.opened_at,
                        c.visited, c.followed_up,
                        (SELECT max(v.occurred_at) FROM visit_fact v WHERE v.opportunity_id = x.opportunity_id),
                        (SELECT max(f.completed_at) FROM follow_up_fact f
                          WHERE f.opportunity_id = x.opportunity_id AND f.status = 'COMPLETED')) AS at
                      -- the customers named again: joined with the CTE alone, PostgreSQL read every deal
                      FROM opportunity_fact x JOIN c ON c.customer_id = x.customer_id WHERE x.customer_id IN (?1))
                UPDATE opportunity_fact o SET last_activity_at = n.at FROM n
                WHERE o.opportunity_id = n.opportunity_id AND o.last_activity_at IS DISTINCT FROM n.at""", ids)
                .replaceWithVoid();
    }

    /**
     * Leaves out opportunities and key persons deleted on their own; an archived customer is left out where read.
     * Only customers whose counts moved are written, as for the deals' activity.
     */
    private Uni<Void> customers(List<UUID> ids) {
        LocalDate today = LocalDate.now(clock);
        return Sql.update("""
                WITH n AS MATERIALIZED (SELECT x.customer_id,
                        (SELECT count(*) FROM opportunity_fact o
                          WHERE o.customer_id = x.customer_id AND o.status = 'WON' AND NOT o.archived) AS won_deals,
                        (SELECT count(*) FROM opportunity_fact o
                          WHERE o.customer_id = x.customer_id AND o.status = 'LOST' AND NOT o.archived)
                            AS lost_opportunities,
                        (SELECT max(o.lost_at) FROM opportunity_fact o
                          WHERE o.customer_id = x.customer_id AND NOT o.archived) AS last_lost_at,
                        (SELECT max(v.occurred_at) FROM visit_fact v WHERE v.customer_id = x.customer_id)
                            AS last_visit_at,
                        (SELECT count(*) FROM follow_up_fact f
                          WHERE f.customer_id = x.customer_id AND f.status = 'OPEN') AS open_follow_ups,
                        (SELECT count(*) FROM follow_up_fact f
                          WHERE f.customer_id = x.customer_id AND f.status = 'OPEN'
                            AND (f.overdue_since IS NOT NULL OR f.due_on < ?2)) AS overdue_follow_ups,
                        (SELECT count(*) FROM key_person_fact k
                          WHERE k.customer_id = x.customer_id AND k.active AND NOT k.archived
                            AND k.kp_type = 'DECISION_MAKER') AS active_decision_makers,
                        GREATEST(x.decision_maker_left_at,
                          (SELECT max(k.left_at) FROM key_person_fact k
                            WHERE k.customer_id = x.customer_id AND NOT k.active AND NOT k.archived
                              AND k.kp_type = 'DECISION_MAKER')) AS decision_maker_left_at
                      FROM customer_fact x WHERE x.customer_id IN (?1))
                UPDATE customer_fact c SET won_deals = n.won_deals, lost_opportunities = n.lost_opportunities,
                    last_lost_at = n.last_lost_at, last_visit_at = n.last_visit_at, open_follow_ups = n.open_follow_ups,
                    overdue_follow_ups = n.overdue_follow_ups, active_decision_makers = n.active_decision_makers,
                    decision_maker_left_at = n.decision_maker_left_at
                FROM n
                WHERE c.customer_id = n.customer_id
                  AND (c.won_deals, c.lost_opportunities, c.last_lost_at, c.last_visit_at, c.open_follow_ups,
                       c.overdue_follow_ups, c.active_decision_makers, c.decision_maker_left_at)
                      IS DISTINCT FROM (n.won_deals, n.lost_opportunities, n.last_lost_at, n.last_visit_at,
                       n.open_follow_ups, n.overdue_follow_ups, n.active_decision_makers, n.decision_maker_left_at)""",
                ids, today).replaceWithVoid();
    }
}
