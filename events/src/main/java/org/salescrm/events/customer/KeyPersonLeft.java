package org.salescrm.events.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** A key person left the customer; activeDecisionMakersLeft counts the decision makers still there. */
public record KeyPersonLeft(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        String name,
        String kpType,
        LocalDate leftOn,
        boolean wasDecisionMaker,
        int activeDecisionMakersLeft) implements DomainEvent {

    public static final String TYPE = "crm.key-person.left.v1";

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
