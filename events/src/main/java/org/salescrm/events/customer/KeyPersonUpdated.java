package org.salescrm.events.customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** A key person's details were edited; carries them all as they now are. */
public record KeyPersonUpdated(
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
        UUID reportsToId,
        List<String> changedFields) implements DomainEvent {

    public static final String TYPE = "crm.key-person.updated.v1";

    public KeyPersonUpdated {
        // absent from an older producer's event: read as empty, never null
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
