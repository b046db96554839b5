package org.salescrm.analytics.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How a customer's churn risk is scored (API.md, "churn risk"; the weights are documented in the
 * module README). Each signal adds up to its weight; the score is the sum, capped at 100.
 */
@ConfigMapping(prefix = "crm.churn")
public interface ChurnConfig {

    /** The score at which a CHURN_RISK alert is raised. */
    @WithDefault("60")
    int alertScore();

    /** How often each grade expects contact, in days. */
    CadenceDays cadenceDays();

    Weights weights();

    /** Visits in the last 30 days below this share of the monthly average of the 90 days before count as a drop. */
    @WithDefault("0.5")
    double visitDropRatio();

    /** Fewer visits than this in the 90 days before is too little history to call anything a drop. */
    @WithDefault("3")
    int visitDropMinHistory();

    /** How far back negative sentiment is looked for, in days. */
    @WithDefault("30")
    int sentimentDays();

    /** How long a departed decision maker or a lost opportunity keeps counting, in days. */
    @WithDefault("90")
    int lookbackDays();

    interface CadenceDays {
        @WithDefault("14")
        int a();

        @WithDefault("30")
        int b();

        @WithDefault("60")
        int c();

        default int forGrade(String grade) {
            return switch (grade == null ? "C" : grade) {
                case "A" -> a();
                case "B" -> b();
                default -> c();
            };
        }
    }

    interface Weights {
        /** Reached in full at twice the cadence; grows linearly from the cadence to there. */
        @WithDefault("45")
        int silence();

        @WithDefault("15")
        int visitDrop();

        @WithDefault("20")
        int overdueFollowUps();

        @WithDefault("15")
        int negativeSentiment();

        @WithDefault("20")
        int decisionMakerLeft();

        @WithDefault("10")
        int lostOpportunity();
    }
}
