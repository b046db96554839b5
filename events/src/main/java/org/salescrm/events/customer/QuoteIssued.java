package org.salescrm.events.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/**
 * A quote (报价) was given on an opportunity; aggregateId is the quote. quoteNumber counts the
 * opportunity's quotes from 1; accepted means the customer took this version.
 */
public record QuoteIssued(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        UUID opportunityId,
        int quoteNumber,
        BigDecimal total,
        String currency,
        boolean accepted,
        String issuedBy) implements DomainEvent {

    public static final String TYPE = "crm.quote.issued.v1";

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
