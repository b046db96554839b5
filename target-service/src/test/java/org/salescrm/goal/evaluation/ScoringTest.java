package org.salescrm.goal.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The default weights against DOMAIN.md's worked examples. */
class ScoringTest {

    /** The defaults of application.properties and EvaluationConfig. */
    static final Scoring DEFAULTS = new Scoring(new BigDecimal("45"), new BigDecimal("15"), new BigDecimal("40"),
            new BigDecimal("1.2"), new BigDecimal("6"), new BigDecimal("1.0"));

    @Test
    void overAchieverWithTenNewCustomersAndNinetyPercentRetentionScores92Excellent() {
        BigDecimal score = DEFAULTS.score(new BigDecimal("1.1"), 10, new BigDecimal("0.9"));
        assertThat(score).isEqualByComparingTo("92");
        assertThat(Grade.of(score)).isEqualTo(Grade.EXCELLENT);
    }

    @Test
    void eightyPercentWithSixNewCustomersAndSeventyFivePercentRetentionScores75NeedsImprovement() {
        BigDecimal score = DEFAULTS.score(new BigDecimal("0.8"), 6, new BigDecimal("0.75"));
        assertThat(score).isEqualByComparingTo("75");
        assertThat(Grade.of(score)).isEqualTo(Grade.NEEDS_IMPROVEMENT);
    }

    @Test
    void eachMeasureIsCappedAtItsFullMarks() {
        assertThat(DEFAULTS.score(new BigDecimal("3"), 50, BigDecimal.ONE)).isEqualByComparingTo("100");
        assertThat(DEFAULTS.score(BigDecimal.ZERO, 0, BigDecimal.ZERO)).isEqualByComparingTo("0");
    }

    @Test
    void aMissingMeasureLeavesTheOthersToCarryTheScore() {
        // no customer to retain: (45 × 1.1/1.2 + 15) / 60 = 93.75 → 94
        assertThat(DEFAULTS.score(new BigDecimal("1.1"), 10, null)).isEqualByComparingTo("94");
        // no revenue target either: new customers alone
        assertThat(DEFAULTS.score(null, 3, null)).isEqualByComparingTo("50");
    }

    @Test
    void gradeBandsAreThoseOfTheApi() {
        assertThat(Grade.of(new BigDecimal("90"))).isEqualTo(Grade.EXCELLENT);
        assertThat(Grade.of(new BigDecimal("89"))).isEqualTo(Grade.GOOD);
        assertThat(Grade.of(new BigDecimal("80"))).isEqualTo(Grade.GOOD);
        assertThat(Grade.of(new BigDecimal("79"))).isEqualTo(Grade.NEEDS_IMPROVEMENT);
    }
}
