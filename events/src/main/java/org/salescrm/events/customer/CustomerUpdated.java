package org.salescrm.events.customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** A customer's profile was edited; carries the whole profile as it now is, and which fields changed. */
public record CustomerUpdated(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        String name,
        String grade,
        String industry,
        String region,
        String scale,
        String source,
        List<String> changedFields,
        String previousGrade,
        String updatedBy) implements DomainEvent {

    public static final String TYPE = "crm.customer.updated.v1";

    public CustomerUpdated {
        // absent from an older producer's event: read as empty, never null
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    @Override
    public UUID partitionKey() {
        return aggregateId;
    }
}
