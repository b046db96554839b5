package org.salescrm.events.customer;

import java.time.Instant;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** A key person was deleted (soft): it answers as missing until restored. */
public record KeyPersonDeleted(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        String name,
        String kpType,
        String deletedBy) implements DomainEvent {

    public static final String TYPE = "crm.key-person.deleted.v1";

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
