package org.salescrm.events.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** An open follow-up passed its due date; published once, by the overdue job. */
public record FollowUpOverdue(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        UUID opportunityId,
        String assigneeId,
        LocalDate dueOn,
        String action) implements DomainEvent {

    public static final String TYPE = "crm.follow-up.overdue.v1";

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
