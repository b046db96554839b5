package org.salescrm.analytics.followups;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.salescrm.analytics.Sql;
import org.salescrm.analytics.state.Rounds;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.visit.FollowUpCompleted;
import org.salescrm.events.visit.FollowUpCreated;
import org.salescrm.events.visit.FollowUpOverdue;
import org.salescrm.events.visit.FollowUpReassigned;

/**
 * Applies crm.follow-ups to {@code follow_up_fact}: open, overdue or completed, and when. A round of the batch
 * ({@link Rounds}) is written with one statement per kind of event, each row taking only a newer version.
 */
@ApplicationScoped
public class FollowUpFacts {

    /** The columns every follow-up event carries, and what its kind adds (status, overdue or completed at). */
    private record Row(UUID id, UUID customerId, UUID opportunityId, String ownerId, String ownerTeam,
                       String assigneeId, LocalDate dueOn, String status, Instant at, long version) {
    }

    /** Inserts the follow-ups not seen yet; the second {@code %s} (ON CONFLICT) says what a held one takes. */
    private static final String UPSERT = """
            INSERT INTO follow_up_fact (follow_up_id, customer_id, opportunity_id, owner_id, owner_team, assignee_id,
                                        due_on, status, %s, aggregate_version)
            SELECT d.id, d.customer_id, d.opportunity_id, d.owner_id, d.owner_team, d.assignee_id, d.due_on, d.status,
                   d.at, d.version
            FROM unnest(CAST(?1 AS uuid[]),
                    CAST(?2 AS uuid[]),
                    CAST(?3 AS uuid[]),
                    CAST(?4 AS text[]),
                    CAST(?5 AS text[]),
                    CAST(?6 AS text[]),
                    CAST(?7 AS date[]),
                    CAST(?8 AS text[]),
                    CAST(CAST(?9 AS text[]) AS timestamptz[]),
                    CAST(?10 AS bigint[]))
                 AS d(id, customer_id, opportunity_id, owner_id, owner_team, assignee_id, due_on, status, at, version)
            ON CONFLICT (follow_up_id) DO UPDATE SET %s""";

    public Uni<Void> apply(List<DomainEvent> round) {
        return write("completed_at", """
                        due_on = EXCLUDED.due_on, owner_id = EXCLUDED.owner_id, owner_team = EXCLUDED.owner_team,
                        assignee_id = EXCLUDED.assignee_id, aggregate_version = EXCLUDED.aggregate_version
                    WHERE follow_up_fact.aggregate_version < EXCLUDED.aggregate_version""",
                Rounds.only(round, FollowUpCreated.class).stream().map(e -> new Row(e.aggregateId(), e.customerId(),
                        e.opportunityId(), e.ownerId(), e.ownerTeam(), e.assigneeId(), e.dueOn(), "OPEN", null,
                        e.aggregateVersion())).toList())
                // Repeats the follow-up's version and changes no state of its own: it only marks an open one.
                .chain(() -> write("overdue_since", """
                                overdue_since = COALESCE(follow_up_fact.overdue_since, EXCLUDED.overdue_since)
                            WHERE follow_up_fact.status = 'OPEN'""",
                        Rounds.only(round, FollowUpOverdue.class).stream().map(e -> new Row(e.aggregateId(),
                                e.customerId(), e.opportunityId(), e.ownerId(), e.ownerTeam(), e.assigneeId(),
                                e.dueOn(), "OPEN", e.occurredAt(), e.aggregateVersion())).toList()))
                // moved with its customer: its overdue count and activity follow the new owner
                .chain(() -> write("completed_at", """
                                owner_id = EXCLUDED.owner_id, owner_team = EXCLUDED.owner_team,
                                assignee_id = EXCLUDED.assignee_id, aggregate_version = EXCLUDED.aggregate_version
                            WHERE follow_up_fact.aggregate_version < EXCLUDED.aggregate_version""",
                        Rounds.only(round, FollowUpReassigned.class).stream().map(e -> new Row(e.aggregateId(),
                                e.customerId(), e.opportunityId(), e.ownerId(), e.ownerTeam(), e.assigneeId(),
                                e.dueOn(), "OPEN", null, e.aggregateVersion())).toList()))
                .chain(() -> write("completed_at", """
                                status = 'COMPLETED', completed_at = EXCLUDED.completed_at,
                                aggregate_version = EXCLUDED.aggregate_version
                            WHERE follow_up_fact.aggregate_version < EXCLUDED.aggregate_version""",
                        Rounds.only(round, FollowUpCompleted.class).stream().map(e -> new Row(e.aggregateId(),
                                e.customerId(), e.opportunityId(), e.ownerId(), e.ownerTeam(), e.assigneeId(),
                                e.dueOn(), "COMPLETED", e.completedAt() != null ? e.completedAt() : e.occurredAt(),
                                e.aggregateVersion())).toList()));
    }

    private static Uni<Void> write(String atColumn, String onConflict, List<Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Sql.update(UPSERT.formatted(atColumn, onConflict), Sql.array(rows, UUID.class, Row::id),
                Sql.array(rows, UUID.class, Row::customerId), Sql.array(rows, UUID.class, Row::opportunityId),
                Sql.array(rows, String.class, Row::ownerId),
                Sql.array(rows, String.class, Row::ownerTeam), Sql.array(rows, String.class, Row::assigneeId),
                Sql.array(rows, LocalDate.class, Row::dueOn),
                Sql.array(rows, String.class, Row::status), Sql.instants(rows, Row::at),
                Sql.array(rows, Long.class, Row::version))
                .replaceWithVoid();
    }
}
