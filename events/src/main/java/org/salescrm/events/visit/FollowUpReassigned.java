package org.salescrm.events.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/**
 * An open follow-up moved with its customer to a new owner (a transfer, claim or reclaim);
 * ownerId and assigneeId are the new owner's, both null while the customer sits in the public pool.
 */
public record FollowUpReassigned(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        UUID opportunityId,
        String assigneeId,
        String previousAssigneeId,
        String previousOwnerId,
        String change,
        String action,
        LocalDate dueOn) implements DomainEvent {

    public static final String TYPE = "crm.follow-up.reassigned.v1";

    @Override
    public UUID partitionKey() {
        return customerId;
    }
}
