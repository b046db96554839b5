package org.salescrm.events.customer;

import java.time.Instant;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** A customer was deleted (soft): it, its key persons and its opportunities answer as missing until restored. */
public record CustomerDeleted(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        String name,
        String deletedBy) implements DomainEvent {

    public static final String TYPE = "crm.customer.deleted.v1";

    @Override
    public UUID partitionKey() {
        return aggregateId;
    }
}
