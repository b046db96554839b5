package org.salescrm.visit.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of a plan's history; {@code from} is empty for the write that created the plan. */
public record VisitPlanChangeView(UUID id, Instant at, String by, List<UUID> from, List<UUID> to,
                                  boolean correction, String reason, long version) {

    static VisitPlanChangeView of(VisitPlanChange c) {
        return new VisitPlanChangeView(c.id, c.changedAt, c.changedBy, c.fromCustomerIds, c.toCustomerIds,
                c.correction, c.reason, c.planVersion);
    }
}
