package org.salescrm.analytics.followups;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.salescrm.analytics.Sql;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.visit.FollowUpCompleted;
import org.salescrm.events.visit.FollowUpCreated;
import org.salescrm.events.visit.FollowUpOverdue;
import org.salescrm.events.visit.FollowUpReassigned;

/** Applies crm.follow-ups to {@code follow_up_fact}: open, overdue or completed, and when. */
@ApplicationScoped
public class FollowUpFacts {

    public Uni<Void> apply(DomainEvent event) {
        if (event instanceof FollowUpCreated e) {
            return Sql.update("""
                            INSERT INTO follow_up_fact (follow_up_id, customer_id, opportunity_id, owner_id, owner_team,
                                                        assignee_id, due_on, status, aggregate_version)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'OPEN', ?8)
                            ON CONFLICT (follow_up_id) DO UPDATE SET
                                due_on = EXCLUDED.due_on, owner_id = EXCLUDED.owner_id, owner_team = EXCLUDED.owner_team,
                                assignee_id = EXCLUDED.assignee_id, aggregate_version = EXCLUDED.aggregate_version
                            WHERE follow_up_fact.aggregate_version < EXCLUDED.aggregate_version""",
                    e.aggregateId(), e.customerId(), e.opportunityId(), e.ownerId(), e.ownerTeam(), e.assigneeId(),
                    e.dueOn(), e.aggregateVersion()).replaceWithVoid();
        }
        if (event instanceof FollowUpOverdue e) {
            // Repeats the follow-up's version and changes no state of its own: it only marks an open one.
            return Sql.update("""
                            INSERT INTO follow_up_fact (follow_up_id, customer_id, opportunity_id, owner_id, owner_team,
                                                        assignee_id, due_on, status, overdue_since, aggregate_version)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'OPEN', ?8, ?9)
                            ON CONFLICT (follow_up_id) DO UPDATE SET
                                overdue_since = COALESCE(follow_up_fact.overdue_since, EXCLUDED.overdue_since)
                            WHERE follow_up_fact.status = 'OPEN'""",
                    e.aggregateId(), e.customerId(), e.opportunityId(), e.ownerId(), e.ownerTeam(), e.assigneeId(),
                    e.dueOn(), Sql.at(e.occurredAt()), e.aggregateVersion()).replaceWithVoid();
        }
        if (event instanceof FollowUpReassigned e) {
            // moved with its customer: its overdue count and activity follow the new owner
            return Sql.update("""
                            INSERT INTO follow_up_fact (follow_up_id, customer_id, opportunity_id, owner_id, owner_team,
                                                        assignee_id, due_on, status, aggregate_version)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'OPEN', ?8)
                            ON CONFLICT (follow_up_id) DO UPDATE SET
                                owner_id = EXCLUDED.owner_id, owner_team = EXCLUDED.owner_team,
                                assignee_id = EXCLUDED.assignee_id, aggregate_version = EXCLUDED.aggregate_version
                            WHERE follow_up_fact.aggregate_version < EXCLUDED.aggregate_version""",
                    e.aggregateId(), e.customerId(), e.opportunityId(), e.ownerId(), e.ownerTeam(), e.assigneeId(),
                    e.dueOn(), e.aggregateVersion()).replaceWithVoid();
        }
        if (event instanceof FollowUpCompleted e) {
            return Sql.update("""
                            INSERT INTO follow_up_fact (follow_up_id, customer_id, opportunity_id, owner_id, owner_team,
                                                        assignee_id, due_on, status, completed_at, aggregate_version)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'COMPLETED', ?8, ?9)
                            ON CONFLICT (follow_up_id) DO UPDATE SET
                                status = 'COMPLETED', completed_at = EXCLUDED.completed_at,
                                aggregate_version = EXCLUDED.aggregate_version
                            WHERE follow_up_fact.aggregate_version < EXCLUDED.aggregate_version""",
                    e.aggregateId(), e.customerId(), e.opportunityId(), e.ownerId(), e.ownerTeam(), e.assigneeId(),
                    e.dueOn(), Sql.at(e.completedAt() != null ? e.completedAt() : e.occurredAt()), e.aggregateVersion())
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }
}
