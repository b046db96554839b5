package org.salescrm.events.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** An opportunity was edited, or moved to a new owner with its customer; carries it as it now is. */
public record OpportunityUpdated(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        String name,
        BigDecimal amount,
        String currency,
        String productLine,
        String stage,
        int probability,
        LocalDate expectedCloseDate,
        BigDecimal budget,
        BigDecimal quoteAmount,
        LocalDate contractSignedOn,
        LocalDate firstPaymentOn,
        List<String> changedFields,
        String updatedBy) implements DomainEvent {

    public static final String TYPE = "crm.opportunity.updated.v1";

    public OpportunityUpdated {
        // absent from an older producer's event: read as empty, never null
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
