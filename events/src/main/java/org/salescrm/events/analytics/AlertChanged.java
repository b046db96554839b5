package org.salescrm.events.analytics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/**
 * An open alert changed: its reasons or severity moved, or someone acknowledged, snoozed, reopened or escalated it.
 * {@code escalatedTo} is the user an escalated alert went to (the owner's manager's manager); null while it is
 * not escalated, or when it went to the admins because the organisation names nobody.
 */
public record AlertChanged(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        String alertType,
        UUID subjectId,
        UUID customerId,
        String status,
        String severity,
        List<AlertReason> reasons,
        String change,
        String note,
        String changedBy,
        Instant snoozedUntil,
        String escalatedTo) implements DomainEvent {

    public static final String TYPE = "crm.alert.changed.v1";

    public AlertChanged {
        // absent from an older producer's event: read as empty, never null
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
