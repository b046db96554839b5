package org.salescrm.visit.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A rep's plan for a day and how it went: {@code visited} and {@code effective} count the planned
 * customers with a visit (an effective one) that business day. {@code id} is null for a day not planned.
 */
public record VisitPlanView(
        UUID id,
        LocalDate date,
        String ownerId,
        String ownerTeam,
        List<UUID> customerIds,
        int planned,
        long visited,
        long effective,
        int quota,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
