package org.salescrm.visit.followup;

import java.time.LocalDate;
import java.util.UUID;

/** The query parameters of {@code GET /follow-ups}; null means "any". {@code dueBefore} is exclusive. */
public record FollowUpFilter(FollowUpStatus status, String assigneeId, UUID customerId, LocalDate dueBefore) {
}
