package org.salescrm.analytics.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.events.analytics.AlertReason;

class ChurnRuleTest {

    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

    @Test
    void silentACustomerWithOneOverdueFollowUpReachesTheAlertScoreWithDefaults() {
        ChurnRule rule = new ChurnRule(RuleConfigs.churn(Map.of()));

        ChurnRule.Score score = rule.score(signals("A", 0, daysAgo(30), 1, 0, 1, 0), NOW);

        // SILENCE: 30 days is past twice the cadence of 14, the full 45; one overdue follow-up, 20.
        assertThat(score.value()).isEqualTo(65);
        assertThat(score.reasons()).extracting(AlertReason::code).containsExactly("SILENCE", "OVERDUE_FOLLOW_UPS");
        assertThat(rule.evaluate(signals("A", 0, daysAgo(30), 1, 0, 1, 0), NOW).holds()).isTrue();
    }

    @Test
    void silenceGrowsLinearlyFromTheCadenceToTwiceIt() {
        ChurnRule rule = new ChurnRule(RuleConfigs.churn(Map.of()));

        assertThat(rule.score(signals("A", 0, daysAgo(14), 1, 0, 0, 0), NOW).value()).isZero();
        assertThat(rule.score(signals("A", 0, daysAgo(21), 1, 0, 0, 0), NOW).value()).isEqualTo(23);
        assertThat(rule.score(signals("B", 0, daysAgo(45), 1, 0, 0, 0), NOW).value()).isEqualTo(23);
    }

    @Test
    void everySignalAddsItsWeightAndTheScoreStopsAt100() {
        ChurnRule rule = new ChurnRule(RuleConfigs.churn(Map.of()));
        CustomerSignals all = new CustomerSignals(UUID.randomUUID(), "rep", "east", "A", 1, daysAgo(400),
                daysAgo(60), 0, 9, 2, 3, 0, daysAgo(10), 1);

        ChurnRule.Score score = rule.score(all, NOW);

        assertThat(score.value()).isEqualTo(100);
        assertThat(score.reasons()).extracting(AlertReason::code).containsExactly("SILENCE", "OVERDUE_FOLLOW_UPS",
                "DECISION_MAKER_LEFT", "VISIT_DROP", "NEGATIVE_SENTIMENT", "LOST_OPPORTUNITY");
    }

    @Test
    void customerThatIsNeitherGradeANorABuyerIsNeverAChurnRisk() {
        ChurnRule rule = new ChurnRule(RuleConfigs.churn(Map.of()));

        assertThat(rule.evaluate(signals("B", 0, daysAgo(200), 0, 0, 5, 0), NOW).holds()).isFalse();
        assertThat(rule.evaluate(signals("B", 1, daysAgo(200), 0, 0, 5, 0), NOW).holds()).isTrue();
    }

    @Test
    void recomputingTheSameStateWithAHigherAlertScoreOrALongerCadenceDropsTheAlert() {
        CustomerSignals state = signals("A", 0, daysAgo(30), 1, 0, 1, 0);

        assertThat(new ChurnRule(RuleConfigs.churn(Map.of("crm.churn.alert-score", "70"))).evaluate(state, NOW).holds())
                .isFalse();
        assertThat(new ChurnRule(RuleConfigs.churn(Map.of("crm.churn.cadence-days.a", "30"))).evaluate(state, NOW)
                .holds()).isFalse();
    }

    private static CustomerSignals signals(String grade, long won, Instant lastVisit, long last30, long prior90,
                                           long overdue, long negative) {
        return new CustomerSignals(UUID.randomUUID(), "rep", "east", grade, won, daysAgo(400), lastVisit, last30,
                prior90, negative, overdue, 1, null, 0);
    }

    private static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }
}
