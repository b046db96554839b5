package org.salescrm.events.customer;

import java.time.Instant;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** A deleted key person was restored. */
public record KeyPersonRestored(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        String name,
        String kpType,
        boolean active,
        String restoredBy) implements DomainEvent {

    public static final String TYPE = "crm.key-person.restored.v1";

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
