package org.salescrm.visit.visit;

import java.time.Instant;
import java.util.UUID;

/** The query parameters of {@code GET /visits}; null means "any". {@code from} inclusive, {@code to} exclusive. */
public record VisitFilter(UUID customerId, String ownerId, UUID opportunityId, Instant from, Instant to) {
}
