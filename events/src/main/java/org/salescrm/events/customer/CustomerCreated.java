package org.salescrm.events.customer;

import java.time.Instant;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** A customer was created (by a rep, an import or a manager); ownerId is null when it went straight to the pool. */
public record CustomerCreated(
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
        String createdBy) implements DomainEvent {

    public static final String TYPE = "crm.customer.created.v1";

    @Override
    public UUID partitionKey() {
        return aggregateId;
    }
}
