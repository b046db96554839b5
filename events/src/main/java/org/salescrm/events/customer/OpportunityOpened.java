package org.salescrm.events.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** An opportunity was opened at a customer (in stage TARGET); probability is in percent. */
public record OpportunityOpened(
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
        LocalDate openedOn) implements DomainEvent {

    public static final String TYPE = "crm.opportunity.opened.v1";

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
