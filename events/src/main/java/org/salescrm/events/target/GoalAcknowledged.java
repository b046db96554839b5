package org.salescrm.events.target;

import java.time.Instant;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** The assignee acknowledged a goal (目标责任书). */
public record GoalAcknowledged(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        String acknowledgedBy,
        Instant acknowledgedAt) implements DomainEvent {

    public static final String TYPE = "crm.goal.acknowledged.v1";

    @Override
    public UUID partitionKey() {
        return aggregateId;
    }
}
