package org.salescrm.events.customer;

import java.time.Instant;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** A key person was recorded at a customer; aggregateId is the key person. */
public record KeyPersonAdded(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        String name,
        String title,
        String department,
        String kpType,
        String buyingRole,
        String attitude,
        UUID reportsToId) implements DomainEvent {

    public static final String TYPE = "crm.key-person.added.v1";

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
