package org.salescrm.events.analytics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** An alert opened on a subject (an opportunity or a customer); aggregateId is the alert. */
public record AlertRaised(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        String alertType,
        UUID subjectId,
        UUID customerId,
        String severity,
        List<AlertReason> reasons,
        Instant raisedAt) implements DomainEvent {

    public static final String TYPE = "crm.alert.raised.v1";

    public AlertRaised {
        // absent from an older producer's event: read as empty, never null
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
