package org.salescrm.goal.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where a REVENUE goal's period is heading: {@code won} is the revenue already won in it; each
 * other figure adds open deals expected to close inside it to that: {@code committed} those in a
 * committed stage, {@code bestCase} all of them, {@code weighted} each by its stage probability.
 */
public record ForecastView(
        UUID goalId,
        String period,
        BigDecimal target,
        BigDecimal won,
        BigDecimal committed,
        BigDecimal bestCase,
        BigDecimal weighted,
        List<ForecastDeal> deals,
        Instant asOf) {
}
