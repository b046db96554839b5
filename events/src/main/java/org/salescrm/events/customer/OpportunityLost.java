package org.salescrm.events.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** An opportunity was lost; stage is the one it was lost in, competitor the one it went to (null when unknown). */
public record OpportunityLost(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        String stage,
        String reason,
        BigDecimal amount,
        String currency,
        String productLine,
        String lostBy,
        String competitor) implements DomainEvent {

    public static final String TYPE = "crm.opportunity.lost.v1";

    /** The event as it was before {@code competitor} was added, for code written against it: no competitor known. */
    public OpportunityLost(UUID eventId, UUID aggregateId, long aggregateVersion, String ownerId, String ownerTeam,
                           Instant occurredAt, UUID customerId, String stage, String reason, BigDecimal amount,
                           String currency, String productLine, String lostBy) {
        this(eventId, aggregateId, aggregateVersion, ownerId, ownerTeam, occurredAt, customerId, stage, reason, amount,
                currency, productLine, lostBy, null);
    }

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
