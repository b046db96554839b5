package org.salescrm.events.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** A deleted opportunity was restored, in the stage and status it had. */
public record OpportunityRestored(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        String stage,
        String status,
        BigDecimal amount,
        String currency,
        String restoredBy) implements DomainEvent {

    public static final String TYPE = "crm.opportunity.restored.v1";

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
