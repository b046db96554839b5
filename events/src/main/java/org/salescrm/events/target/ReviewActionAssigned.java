package org.salescrm.events.target;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/**
 * An improvement action of a review (复盘) was assigned as a follow-up: aggregateId is the review,
 * ownerId the action's owner (who is to act), ownerTeam the review's team. actionId names the action
 * and is the id the follow-up takes, so that creating it is idempotent and its completion finds the
 * action again. Several actions of one write repeat the review's version: deduplicate by eventId.
 */
public record ReviewActionAssigned(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID actionId,
        String scopeLevel,
        String scopeId,
        String period,
        String action,
        LocalDate dueOn,
        UUID customerId,
        UUID opportunityId,
        String assignedBy) implements DomainEvent {

    public static final String TYPE = "crm.review.action-assigned.v1";

    /** Like every event about a customer, keyed by the customer, in order with that customer's other events. */
    @Override
    public UUID partitionKey() {
        return customerId != null ? customerId : aggregateId;
    }
}
