package org.salescrm.goal.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.goal.actuals.Metric;
import org.salescrm.platform.time.Period;

/** A goal as clients see it, with how much of it its children carry. */
public record GoalView(
        UUID id,
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        Metric metric,
        ScopeView scope,
        BigDecimal target,
        UUID parentId,
        BigDecimal childrenTotal,
        BigDecimal decompositionGap,
        String ownerId,
        String ownerTeam,
        Instant acknowledgedAt,
        String acknowledgedBy,
        String createdBy,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public record ScopeView(ScopeLevel level, String id) {
    }

    static GoalView of(Goal g, GoalRepository.Children children) {
        BigDecimal childrenTotal = children.toward(g);
        Period period = Period.parse(g.period, "period");
        BigDecimal gap = g.target.subtract(childrenTotal).max(BigDecimal.ZERO);
        return new GoalView(g.id, g.period, period.start(), period.end(), g.metric,
                new ScopeView(g.scopeLevel, g.scopeId), g.target, g.parentId, childrenTotal, gap, g.ownerId,
                g.ownerTeam, g.acknowledgedAt, g.acknowledgedBy, g.createdBy, g.version, g.createdAt, g.updatedAt);
    }
}
