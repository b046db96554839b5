package org.salescrm.events.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** An opportunity reached WON (right after its OpportunityStageChanged); revenue counts on wonOn. */
public record OpportunityWon(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        BigDecimal amount,
        String currency,
        String productLine,
        LocalDate wonOn,
        LocalDate openedOn,
        LocalDate contractSignedOn,
        LocalDate firstPaymentOn) implements DomainEvent {

    public static final String TYPE = "crm.opportunity.won.v1";

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
