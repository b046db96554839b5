package org.salescrm.customer.competitor;

import java.time.Instant;
import java.util.UUID;

/** A competitor on a deal. */
public record CompetitorView(UUID id, UUID opportunityId, String name, String strengths, String weaknesses,
                             String pricePosition, String createdBy, Instant createdAt) {

    static CompetitorView of(OpportunityCompetitor c) {
        return new CompetitorView(c.id, c.opportunityId, c.name, c.strengths, c.weaknesses, c.pricePosition,
                c.createdBy, c.createdAt);
    }
}
