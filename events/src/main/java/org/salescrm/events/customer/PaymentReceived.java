package org.salescrm.events.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/**
 * A payment (回款) was recorded against one instalment of a contract; aggregateId is the contract,
 * so the outstanding amounts are those after this payment. occurredAt is the start of receivedOn
 * in the business time zone: collected amounts count by the day the money came in.
 */
public record PaymentReceived(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        UUID opportunityId,
        UUID paymentId,
        UUID instalmentId,
        LocalDate receivedOn,
        BigDecimal amount,
        String currency,
        BigDecimal instalmentOutstanding,
        BigDecimal contractOutstanding) implements DomainEvent {

    public static final String TYPE = "crm.payment.received.v1";

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
