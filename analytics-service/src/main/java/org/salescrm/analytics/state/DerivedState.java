package org.salescrm.analytics.state;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.salescrm.analytics.Sql;

/**
 * Recomputes the columns of a customer that summarise other facts: its counts of deals won and lost, open and overdue
 * follow-ups, decision makers, its latest visit. Recomputed from the detail rows rather than incremented, so the
 * result is the same whatever order the topics' events arrived in. (A deal's last activity is recomputed where the
 * stall rule reads it: {@code alerts/Deals}.)
 */
@ApplicationScoped
public class DerivedState {

    private final Clock clock;

    public DerivedState(Clock clock) {
        this.clock = clock;
    }

    /**
     * Answers the customers at hand whose latest visit is the one they had before (of those with a facts row): their
     * deals' last activity can have moved through no visit ({@code AlertTriggers}).
     */
    public Uni<Set<UUID>> refresh(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return customers(List.copyOf(customerIds));
    }

    /**
     * Leaves out opportunities and key persons deleted on their own; an archived customer is left out where read.
     * Only customers whose counts moved are written (the update runs whether or not the select reads it).
     */
    private Uni<Set<UUID>> customers(List<UUID> ids) {
        LocalDate today = LocalDate.now(clock);
        return Sql.rows("""
                WITH n AS MATERIALIZED (SELECT x.customer_id, x.last_visit_at AS held_visit_at,
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
                      FROM customer_fact x WHERE x.customer_id = ANY (CAST(?1 AS uuid[]))),
                u AS (UPDATE customer_fact c SET won_deals = n.won_deals, lost_opportunities = n.lost_opportunities,
                    last_lost_at = n.last_lost_at, last_visit_at = n.last_visit_at, open_follow_ups = n.open_follow_ups,
                    overdue_follow_ups = n.overdue_follow_ups, active_decision_makers = n.active_decision_makers,
                    decision_maker_left_at = n.decision_maker_left_at
                FROM n
                WHERE c.customer_id = n.customer_id
                  AND (c.won_deals, c.lost_opportunities, c.last_lost_at, c.last_visit_at, c.open_follow_ups,
                       c.overdue_follow_ups, c.active_decision_makers, c.decision_maker_left_at)
                      IS DISTINCT FROM (n.won_deals, n.lost_opportunities, n.last_lost_at, n.last_visit_at,
                       n.open_follow_ups, n.overdue_follow_ups, n.active_decision_makers, n.decision_maker_left_at))
                SELECT n.customer_id FROM n WHERE n.last_visit_at IS NOT DISTINCT FROM n.held_visit_at""",
                Sql.array(ids, UUID.class),
                today).map(rows -> rows.stream().map(r -> r.uuid("customer_id")).collect(Collectors.toSet()));
    }
}
