package org.salescrm.analytics.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * When a subject is next due on the scan: exactly when the first of its thresholds passes, so the scan flags it
 * then and never needs to look at it before; once a cause holds, when its count of days next goes up.
 */
class NextCheckTest {

    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final StallRule stall = new StallRule(RuleConfigs.stall(Map.of()));
    final ChurnRule churn = new ChurnRule(RuleConfigs.churn(Map.of()));

    @Test
    void anOpportunityIsDueWhenItsFirstThresholdPassesAndFoundStalledThen() {
        // NEGOTIATION allows 7 idle days (the first to pass) and 30 in the stage; idle for 3 days and 5 hours
        Instant lastActive = NOW.minus(Duration.ofDays(3).plusHours(5));
        OpportunityState o = negotiation(lastActive, lastActive, null);

        Instant due = stall.nextCheck(o, null, NOW, SHANGHAI);

        assertThat(due).isEqualTo(lastActive.plus(Duration.ofDays(8)));
        assertThat(stall.evaluate(o, null, due.minusMillis(1), SHANGHAI).holds()).as("not before").isFalse();
        assertThat(stall.evaluate(o, null, due, SHANGHAI).reasons()).extracting(r -> r.code())
                .containsExactly("IDLE");
    }

    @Test
    void aStalledOpportunityIsDueAgainWhenItsDaysGoUp() {
        Instant lastActive = NOW.minus(Duration.ofDays(9).plusHours(5));
        OpportunityState o = negotiation(lastActive, NOW.minus(Duration.ofDays(2)), null);

        Instant due = stall.nextCheck(o, null, NOW, SHANGHAI);

        assertThat(due).isEqualTo(lastActive.plus(Duration.ofDays(10)));
        assertThat(stall.evaluate(o, null, due, SHANGHAI).reasons().get(0).value()).isEqualByComparingTo("10");
    }

    @Test
    void theDwellAndCloseDateThresholdsCountToo() {
        Instant active = NOW.minus(Duration.ofHours(1));
        // team median 2 days in the stage: DWELL above 4.0 days, passed 3 days after entering
        OpportunityState dwelling = negotiation(active, NOW.minus(Duration.ofDays(1)), null);
        assertThat(stall.nextCheck(dwelling, new StageMedian(10, 2), NOW, SHANGHAI))
                .isEqualTo(NOW.minus(Duration.ofDays(1)).plus(Duration.ofDays(5)));
        // the day after the expected close date, at its start in business time
        OpportunityState closing = negotiation(active, active, LocalDate.of(2026, 11, 21));
        assertThat(stall.nextCheck(closing, null, NOW, SHANGHAI))
                .isEqualTo(LocalDate.of(2026, 11, 22).atStartOfDay(SHANGHAI).toInstant());
        assertThat(stall.evaluate(closing, null, LocalDate.of(2026, 11, 22).atStartOfDay(SHANGHAI).toInstant(),
                SHANGHAI).reasons()).extracting(r -> r.code()).containsExactly("PAST_CLOSE_DATE");
    }

    @Test
    void aClosedOpportunityAndAnUnwatchedCustomerAreNeverDue() {
        OpportunityState won = new OpportunityState(UUID.randomUUID(), UUID.randomUUID(), "rep", "east", "WON", "WON",
                NOW, NOW, null, NOW);
        assertThat(stall.nextCheck(won, null, NOW, SHANGHAI)).isNull();
        assertThat(churn.nextCheck(customer("B", 0, NOW.minus(Duration.ofDays(100))), null, NOW)).isNull();
    }

    @Test
    void aWatchedCustomerIsDueWhenItsSilencePassesTheCadenceOrAWindowMoves() {
        Instant visited = NOW.minus(Duration.ofDays(10));
        CustomerSignals a = customer("A", 0, visited);

        assertThat(churn.nextCheck(a, null, NOW)).as("grade A: a visit every 14 days")
                .isEqualTo(visited.plus(Duration.ofDays(15)));
        Instant window = NOW.plus(Duration.ofHours(3));
        assertThat(churn.nextCheck(a, window, NOW)).isEqualTo(window);
    }

    private static OpportunityState negotiation(Instant lastActive, Instant enteredStage, LocalDate close) {
        return new OpportunityState(UUID.randomUUID(), UUID.randomUUID(), "rep", "east", "NEGOTIATION", "OPEN",
                enteredStage, lastActive, close, enteredStage);
    }

    private static CustomerSignals customer(String grade, long won, Instant lastVisit) {
        return new CustomerSignals(UUID.randomUUID(), "rep", "east", grade, won, lastVisit.minus(Duration.ofDays(400)),
                lastVisit, 0, 0, 0, 0, 1, null, 0);
    }
}
