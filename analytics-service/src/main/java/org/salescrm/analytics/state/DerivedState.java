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
     * latest visit is the first entry of its index range), so the cost does not grow with the history.
     */
    private Uni<Void> lastActivity(List<UUID> ids) {
        return Sql.update("""
                UPDATE opportunity_fact o SET last_activity_at = GREATEST(o.stage_entered_at, o.opened_at,
                    (SELECT max(v.occurred_at) FROM visit_fact v WHERE v.customer_id = o.customer_id),
                    (SELECT max(v.occurred_at) FROM visit_fact v WHERE v.opportunity_id = o.opportunity_id),
                    (SELECT max(f.completed_at) FROM follow_up_fact f
                      WHERE f.customer_id = o.customer_id AND f.status = 'COMPLETED'),
                    (SELECT max(f.completed_at) FROM follow_up_fact f
                      WHERE f.opportunity_id = o.opportunity_id AND f.status = 'COMPLETED'))
                WHERE o.customer_id IN (?1)""", ids).replaceWithVoid();
    }

    /** Leaves out opportunities and key persons deleted on their own; an archived customer is left out where read. */
    private Uni<Void> customers(List<UUID> ids) {
        LocalDate today = LocalDate.now(clock);
        return Sql.update("""
                UPDATE customer_fact c SET
                    won_deals = (SELECT count(*) FROM opportunity_fact o
                                  WHERE o.customer_id = c.customer_id AND o.status = 'WON' AND NOT o.archived),
                    lost_opportunities = (SELECT count(*) FROM opportunity_fact o
                                           WHERE o.customer_id = c.customer_id AND o.status = 'LOST' AND NOT o.archived),
                    last_lost_at = (SELECT max(o.lost_at) FROM opportunity_fact o
                                     WHERE o.customer_id = c.customer_id AND NOT o.archived),
                    last_visit_at = (SELECT max(v.occurred_at) FROM visit_fact v WHERE v.customer_id = c.customer_id),
                    open_follow_ups = (SELECT count(*) FROM follow_up_fact f
                                        WHERE f.customer_id = c.customer_id AND f.status = 'OPEN'),
                    overdue_follow_ups = (SELECT count(*) FROM follow_up_fact f
                                           WHERE f.customer_id = c.customer_id AND f.status = 'OPEN'
                                             AND (f.overdue_since IS NOT NULL OR f.due_on < ?2)),
                    active_decision_makers = (SELECT count(*) FROM key_person_fact k
                                               WHERE k.customer_id = c.customer_id AND k.active AND NOT k.archived
                                                 AND k.kp_type = 'DECISION_MAKER'),
                    decision_maker_left_at = GREATEST(c.decision_maker_left_at,
                        (SELECT max(k.left_at) FROM key_person_fact k
                          WHERE k.customer_id = c.customer_id AND NOT k.active AND NOT k.archived
                            AND k.kp_type = 'DECISION_MAKER'))
                WHERE c.customer_id IN (?1)""", ids, today).replaceWithVoid();
    }
}
