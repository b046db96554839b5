package org.salescrm.goal.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The composite score out of 100: each measure's share of its full-marks level (capped at 1) times
 * its weight, over the sum of the weights of the measures there are. A measure that cannot be had
 * (no revenue target, no customer to retain) is left out and the others carry the score.
 */
public record Scoring(BigDecimal achievementWeight, BigDecimal newCustomersWeight, BigDecimal retentionWeight,
                      BigDecimal achievementFull, BigDecimal newCustomersFull, BigDecimal retentionFull) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static Scoring of(EvaluationConfig config) {
        return new Scoring(config.weights().achievement(), config.weights().newCustomers(),
                config.weights().retention(), config.fullMarks().achievement(), config.fullMarks().newCustomers(),
                config.fullMarks().retention());
    }

    /** Rounded half up to a whole number, 0 to 100. */
    public BigDecimal score(BigDecimal achievementRate, int newCustomers, BigDecimal retentionRate) {
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        if (achievementRate != null) {
            earned = earned.add(achievementWeight.multiply(share(achievementRate, achievementFull)));
            weights = weights.add(achievementWeight);
        }
        earned = earned.add(newCustomersWeight.multiply(share(BigDecimal.valueOf(newCustomers), newCustomersFull)));
        weights = weights.add(newCustomersWeight);
        if (retentionRate != null) {
            earned = earned.add(retentionWeight.multiply(share(retentionRate, retentionFull)));
            weights = weights.add(retentionWeight);
        }
        if (weights.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return earned.multiply(HUNDRED).divide(weights, 0, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(BigDecimal value, BigDecimal full) {
        if (full.signum() <= 0) {
            return BigDecimal.ONE;
        }
        return value.max(BigDecimal.ZERO).divide(full, 10, RoundingMode.HALF_UP).min(BigDecimal.ONE);
    }
}
