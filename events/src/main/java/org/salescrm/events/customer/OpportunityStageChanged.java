package org.salescrm.events.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** An opportunity moved forward or back in the funnel; occurredAt is the business time it entered toStage. */
public record OpportunityStageChanged(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        String fromStage,
        String toStage,
        int probability,
        String reason,
        boolean backward,
        BigDecimal amount,
        String currency,
        String productLine,
        LocalDate expectedCloseDate,
        String changedBy) implements DomainEvent {

    public static final String TYPE = "crm.opportunity.stage-changed.v1";

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
