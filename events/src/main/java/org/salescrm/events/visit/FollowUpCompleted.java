package org.salescrm.events.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** A follow-up was done; it is late when completedAt falls after dueOn. */
public record FollowUpCompleted(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        UUID opportunityId,
        String assigneeId,
        String action,
        String result,
        Instant completedAt,
        LocalDate dueOn) implements DomainEvent {

    public static final String TYPE = "crm.follow-up.completed.v1";

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
