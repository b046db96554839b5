package org.salescrm.goal.review;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.salescrm.goal.actuals.Deal;
import org.salescrm.goal.actuals.Metric;

/**
 * What a review is pre-filled with, computed when read: the goals of its scope and period, the
 * funnel, the deals won, lost and slipped in the period, and the activity.
 */
public record ReviewFigures(
        List<GoalFigure> goals,
        Funnel funnel,
        List<Deal> won,
        List<Deal> lost,
        List<Deal> slipped,
        Activity activity) {

    /** A goal of the review's scope and period; achievementRate is a ratio (1.1 = 110%). */
    public record GoalFigure(UUID goalId, Metric metric, BigDecimal target, BigDecimal actual,
                             BigDecimal achievementRate) {
    }

    /**
     * The open deals per stage as they stand now (TARGET … NEGOTIATION), and the deals won and lost
     * in the period with the conversion rate (won ÷ closed; null when none closed).
     */
    public record Funnel(List<StageCount> stages, int won, int lost, BigDecimal conversionRate) {
    }

    public record StageCount(String stage, int count, BigDecimal amount) {
    }

    /** Sums over the period, as goals count them. */
    public record Activity(BigDecimal visits, BigDecimal effectiveVisits, BigDecimal newCustomers,
                           BigDecimal wonDeals, BigDecimal revenue, BigDecimal collected) {
    }
}
