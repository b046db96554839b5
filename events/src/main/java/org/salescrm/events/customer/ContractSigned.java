package org.salescrm.events.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** A contract (合同) was signed on a won opportunity with its payment plan; aggregateId is the contract. */
public record ContractSigned(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        UUID opportunityId,
        String number,
        LocalDate signedOn,
        BigDecimal amount,
        String currency,
        List<Instalment> instalments) implements DomainEvent {

    public static final String TYPE = "crm.contract.signed.v1";

    /** One instalment of the payment plan. */
    public record Instalment(UUID instalmentId, LocalDate dueOn, BigDecimal amount) {
    }

    public ContractSigned {
        instalments = instalments == null ? List.of() : List.copyOf(instalments);
    }

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
