package org.salescrm.goal.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.salescrm.goal.actuals.Deal;
import org.salescrm.goal.goal.ScopeLevel;

/**
 * A review as clients see it. {@code actions}, {@code previous} and the figures ({@code goals},
 * {@code funnel}, {@code won}, {@code lost}, {@code slipped}, {@code activity}) are filled in a
 * single review's answer and null in list items.
 */
public record ReviewView(
        UUID id,
        ScopeView scope,
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        String ownerId,
        String ownerTeam,
        String missReasons,
        String repAnswer,
        List<ActionView> actions,
        Previous previous,
        List<ReviewFigures.GoalFigure> goals,
        ReviewFigures.Funnel funnel,
        List<Deal> won,
        List<Deal> lost,
        List<Deal> slipped,
        ReviewFigures.Activity activity,
        String createdBy,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static ReviewView of(Review r, List<ActionView> actions, Previous previous, ReviewFigures f) {
        var period = org.salescrm.platform.time.Period.parse(r.period, "period");
        return new ReviewView(r.id, new ScopeView(r.scopeLevel, r.scopeId), r.period, period.start(), period.end(),
                r.ownerId, r.ownerTeam, r.missReasons, r.repAnswer, actions, previous,
                f == null ? null : f.goals(), f == null ? null : f.funnel(), f == null ? null : f.won(),
                f == null ? null : f.lost(), f == null ? null : f.slipped(), f == null ? null : f.activity(),
                r.createdBy, r.version, r.createdAt, r.updatedAt);
    }

    public record ScopeView(ScopeLevel level, String id) {
    }

    /** The review of the same scope for the period before, with its actions as they now stand. */
    public record Previous(UUID reviewId, String period, List<ActionView> actions) {
    }
}
