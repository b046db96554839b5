package org.salescrm.events.visit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** A logged visit was edited; visitOccurredAt dates the visit, so counts are corrected in its period. */
public record VisitCorrected(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        Instant visitOccurredAt,
        List<String> changedFields,
        String sentiment,
        Boolean purposeAchieved,
        boolean effective,
        String correctedBy) implements DomainEvent {

    public static final String TYPE = "crm.visit.corrected.v1";

    public VisitCorrected {
        // absent from an older producer's event: read as empty, never null
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
