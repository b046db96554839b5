package org.salescrm.visit.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A follow-up as clients see it; {@code status} reads OVERDUE for an open one past its due date. */
public record FollowUpView(
        UUID id,
        UUID customerId,
        UUID opportunityId,
        UUID visitId,
        String assigneeId,
        String ownerId,
        String ownerTeam,
        String action,
        LocalDate dueOn,
        FollowUpStatus status,
        String result,
        Instant completedAt,
        String completedBy,
        String createdBy,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static FollowUpView of(FollowUp f, LocalDate today) {
        return new FollowUpView(f.id, f.customerId, f.opportunityId, f.visitId, f.assigneeId, f.ownerId, f.ownerTeam,
                f.action, f.dueOn, FollowUpStatus.of(f, today), f.result, f.completedAt, f.completedBy, f.createdBy,
                f.version, f.createdAt, f.updatedAt);
    }
}
