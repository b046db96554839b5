package org.salescrm.events.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** The last active decision maker of a customer left (right after its KeyPersonLeft); aggregateId is the customer. */
public record DecisionMakerLost(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID keyPersonId,
        String keyPersonName,
        LocalDate leftOn) implements DomainEvent {

    public static final String TYPE = "crm.customer.decision-maker-lost.v1";

    @Override
    public UUID partitionKey() {
        return aggregateId;
    }
}
