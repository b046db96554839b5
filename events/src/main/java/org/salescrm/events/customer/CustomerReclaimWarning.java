package org.salescrm.events.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** A customer silent for daysSilent returns to the pool on reclaimOn unless its owner follows up first. */
public record CustomerReclaimWarning(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        String name,
        LocalDate reclaimOn,
        int daysSilent,
        String grade) implements DomainEvent {

    public static final String TYPE = "crm.customer.reclaim-warning.v1";

    @Override
    public UUID partitionKey() {
        return aggregateId;
    }
}
