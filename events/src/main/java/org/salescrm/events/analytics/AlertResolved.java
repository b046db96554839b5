package org.salescrm.events.analytics;

import java.time.Instant;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/**
 * An alert closed: none of its causes holds any more (CAUSES_CLEARED), its subject closed (SUBJECT_CLOSED), or its
 * subject or the subject's customer was deleted (soft) in customer-service (SUBJECT_ARCHIVED).
 * {@code escalatedTo}: as in {@link AlertChanged}, so the person it was escalated to also learns it closed.
 */
public record AlertResolved(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        String alertType,
        UUID subjectId,
        UUID customerId,
        Instant resolvedAt,
        String reason,
        String escalatedTo) implements DomainEvent {

    public static final String TYPE = "crm.alert.resolved.v1";

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
