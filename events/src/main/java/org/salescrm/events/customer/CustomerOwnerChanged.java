package org.salescrm.events.customer;

import java.time.Instant;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** A customer was claimed, released, transferred or reclaimed; ownerId is the new owner, null in the pool. */
public record CustomerOwnerChanged(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        String previousOwnerId,
        String previousOwnerTeam,
        String change,
        String reason,
        String changedBy,
        String name,
        String grade) implements DomainEvent {

    public static final String TYPE = "crm.customer.owner-changed.v1";

    @Override
    public UUID partitionKey() {
        return aggregateId;
    }
}
