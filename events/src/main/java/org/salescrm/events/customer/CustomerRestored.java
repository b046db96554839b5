package org.salescrm.events.customer;

import java.time.Instant;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** A deleted customer was restored, with the key persons and opportunities that were not deleted on their own. */
public record CustomerRestored(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        String name,
        String grade,
        String restoredBy) implements DomainEvent {

    public static final String TYPE = "crm.customer.restored.v1";

    @Override
    public UUID partitionKey() {
        return aggregateId;
    }
}
