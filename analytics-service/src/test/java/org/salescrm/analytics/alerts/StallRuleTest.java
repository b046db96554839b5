package org.salescrm.analytics.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.events.analytics.AlertReason;

class StallRuleTest {

    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void idleLongerThanTheStageAllowsSaysSoWithTheNumbers() {
        StallRule rule = new StallRule(RuleConfigs.stall(Map.of()));

        Finding finding = rule.evaluate(negotiation(16, 16), null, NOW, SHANGHAI);

        assertThat(finding.reasons()).extracting(AlertReason::message)
                .containsExactly("no activity for 16 days; NEGOTIATION allows 7");
        assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(rule.evaluate(negotiation(7, 7), null, NOW, SHANGHAI).holds()).as("7 days is allowed").isFalse();
    }

    @Test
    void dwellNeedsEnoughSamplesAndCountsAgainstFactorTimesMedian() {
        StallRule rule = new StallRule(RuleConfigs.stall(Map.of("crm.stall.stage-limit-days.negotiation", "60")));
        OpportunityState o = negotiation(41, 1);

        assertThat(rule.evaluate(o, new StageMedian(9, 12), NOW, SHANGHAI).holds()).isFalse();
        Finding finding = rule.evaluate(o, new StageMedian(10, 12), NOW, SHANGHAI);
        assertThat(finding.reasons()).extracting(AlertReason::message)
                .containsExactly("in NEGOTIATION for 41 days; team median 12");
        assertThat(finding.reasons().get(0).threshold()).isEqualByComparingTo("24");
    }

    @Test
    void longerInItsStageThanTheLimitIsAStageTimeLimitWithTheNumbers() {
        StallRule rule = new StallRule(RuleConfigs.stall(Map.of()));

        Finding finding = rule.evaluate(negotiation(31, 1), null, NOW, SHANGHAI);

        assertThat(finding.reasons()).extracting(AlertReason::code).containsExactly("STAGE_TIME_LIMIT");
        assertThat(finding.reasons().get(0).message()).isEqualTo("in NEGOTIATION for 31 days; the limit is 30");
        assertThat(finding.reasons().get(0).value()).isEqualByComparingTo("31");
        assertThat(finding.reasons().get(0).threshold()).isEqualByComparingTo("30");
        assertThat(rule.evaluate(negotiation(30, 1), null, NOW, SHANGHAI).holds()).as("30 days is allowed").isFalse();
        assertThat(new StallRule(RuleConfigs.stall(Map.of("crm.stall.stage-limit-days.negotiation", "45")))
                .evaluate(negotiation(31, 1), null, NOW, SHANGHAI).holds()).as("configured per stage").isFalse();
    }

    @Test
    void openLongerThanTheSalesCycleAllowsIsASalesCycleCause() {
        StallRule rule = new StallRule(RuleConfigs.stall(Map.of()));
        OpportunityState old = new OpportunityState(UUID.randomUUID(), UUID.randomUUID(), "rep", "east", "NEGOTIATION",
                "OPEN", daysAgo(10), daysAgo(1), LocalDate.ofInstant(NOW, SHANGHAI).plusDays(30), daysAgo(181));

        Finding finding = rule.evaluate(old, null, NOW, SHANGHAI);

        assertThat(finding.reasons()).extracting(AlertReason::message)
                .containsExactly("open for 181 days; the sales cycle allows 180");
        assertThat(finding.reasons().get(0).threshold()).isEqualByComparingTo("180");
        assertThat(new StallRule(RuleConfigs.stall(Map.of("crm.stall.max-sales-cycle-days", "200")))
                .evaluate(old, null, NOW, SHANGHAI).holds()).isFalse();
    }

    @Test
    void closedOpportunityIsNeverStalled() {
        StallRule rule = new StallRule(RuleConfigs.stall(Map.of()));
        OpportunityState won = new OpportunityState(UUID.randomUUID(), UUID.randomUUID(), "rep", "east", "WON", "WON",
                daysAgo(90), daysAgo(90), LocalDate.of(2026, 1, 1), daysAgo(400));

        Finding finding = rule.evaluate(won, null, NOW, SHANGHAI);

        assertThat(finding.holds()).isFalse();
        assertThat(finding.subjectClosed()).isTrue();
    }

    @Test
    void recomputingTheSameStateWithAChangedThresholdChangesTheFinding() {
        OpportunityState fiveDaysIdle = negotiation(5, 5);

        assertThat(new StallRule(RuleConfigs.stall(Map.of())).evaluate(fiveDaysIdle, null, NOW, SHANGHAI).holds())
                .isFalse();
        Finding stricter = new StallRule(RuleConfigs.stall(Map.of("crm.stall.idle-days.negotiation", "3")))
                .evaluate(fiveDaysIdle, null, NOW, SHANGHAI);
        assertThat(stricter.reasons()).extracting(AlertReason::message)
                .containsExactly("no activity for 5 days; NEGOTIATION allows 3");
    }

    private static OpportunityState negotiation(long daysInStage, long daysIdle) {
        return new OpportunityState(UUID.randomUUID(), UUID.randomUUID(), "rep", "east", "NEGOTIATION", "OPEN",
                daysAgo(daysInStage), daysAgo(daysIdle), LocalDate.ofInstant(NOW, SHANGHAI).plusDays(30),
                daysAgo(daysInStage));
    }

    private static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }
}
