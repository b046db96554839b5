package org.salescrm.events.visit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** A visit was logged; occurredAt is when it took place, loggedAt when it was entered. */
public record VisitLogged(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        UUID opportunityId,
        String method,
        List<UUID> keyPersonIds,
        String purpose,
        Boolean purposeAchieved,
        String sentiment,
        boolean effective,
        boolean lateEntry,
        Instant loggedAt,
        Integer durationMinutes,
        UUID followUpId) implements DomainEvent {

    public static final String TYPE = "crm.visit.logged.v1";

    public VisitLogged {
        // absent from an older producer's event: read as empty, never null
        keyPersonIds = keyPersonIds == null ? List.of() : List.copyOf(keyPersonIds);
    }

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
