package org.salescrm.events.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** An opportunity was lost; stage is the one it was lost in. */
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
        String lostBy) implements DomainEvent {

    public static final String TYPE = "crm.opportunity.lost.v1";

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
