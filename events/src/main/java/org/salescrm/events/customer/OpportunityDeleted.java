package org.salescrm.events.customer;

import java.time.Instant;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** An opportunity was deleted (soft): it answers as missing and leaves the funnel until restored. */
public record OpportunityDeleted(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        String stage,
        String status,
        String deletedBy) implements DomainEvent {

    public static final String TYPE = "crm.opportunity.deleted.v1";

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
