package org.salescrm.goal.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.salescrm.goal.actuals.Metric;

/**
 * A goal's progress: achievementRate is a ratio (1.1 = 110%), null for a zero target. For a rate
 * metric, actual is the rate itself (null, with achievementRate and pace, while there is nothing to
 * measure) and expectedByNow is the target.
 */
public record ProgressView(
        UUID goalId,
        String period,
        Metric metric,
        BigDecimal target,
        BigDecimal actual,
        BigDecimal achievementRate,
        BigDecimal elapsedShare,
        BigDecimal expectedByNow,
        Pace pace,
        Instant asOf) {
}
