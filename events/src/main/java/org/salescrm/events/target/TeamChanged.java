package org.salescrm.events.target;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/**
 * A team's record as it holds from {@code effectiveFrom} on (until a later one): the region it is
 * in, its manager, and whom that manager reports to. {@code reportsTo} is only what an admin set
 * explicitly; null means the head of the team's region as of the same day, which consumers derive,
 * so that a new head is everyone's superior from the day they start. aggregateId is
 * {@link Organisation#teamId}, ownerId the manager, ownerTeam the team. A change with the same
 * {@code effectiveFrom} as an earlier one replaces it.
 */
public record TeamChanged(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        String team,
        String region,
        String managerId,
        String reportsTo,
        LocalDate effectiveFrom,
        String changedBy) implements DomainEvent {

    public static final String TYPE = "crm.team.changed.v1";

    @Override
    public UUID partitionKey() {
        return Organisation.PARTITION_KEY;
    }
}
