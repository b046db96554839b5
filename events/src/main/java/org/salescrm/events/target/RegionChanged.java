package org.salescrm.events.target;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/**
 * A region's record as it holds from {@code effectiveFrom} on (until a later one): its name and its
 * head (区域负责人). aggregateId is {@link Organisation#regionId}, aggregateVersion counts the
 * region's changes, ownerId is the head (null: none), ownerTeam is null. A change with the same
 * {@code effectiveFrom} as an earlier one replaces it; consumers keep every other one as history.
 */
public record RegionChanged(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        String region,
        String name,
        String headId,
        LocalDate effectiveFrom,
        String changedBy) implements DomainEvent {

    public static final String TYPE = "crm.region.changed.v1";

    @Override
    public UUID partitionKey() {
        return Organisation.PARTITION_KEY;
    }
}
