package org.salescrm.events.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** A follow-up was planned, from a visit's next action (visitId set) or on its own. */
public record FollowUpCreated(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        UUID opportunityId,
        UUID visitId,
        String assigneeId,
        String action,
        LocalDate dueOn) implements DomainEvent {

    public static final String TYPE = "crm.follow-up.created.v1";

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
