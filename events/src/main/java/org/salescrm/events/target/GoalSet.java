package org.salescrm.events.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** A goal was set for a period, metric and scope; aggregateId is the goal, ownerId its assignee. */
public record GoalSet(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        String period,
        String metric,
        String scopeLevel,
        String scopeId,
        BigDecimal target,
        UUID parentId,
        String setBy) implements DomainEvent {

    public static final String TYPE = "crm.goal.set.v1";

    @Override
    public UUID partitionKey() {
        return aggregateId;
    }
}
