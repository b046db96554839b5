package org.salescrm.goal.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.salescrm.goal.Api.actual;
import static org.salescrm.goal.Api.as;
import static org.salescrm.goal.Api.goal;
import static org.salescrm.goal.Api.number;
import static org.salescrm.goal.Api.setGoal;
import static org.salescrm.goal.Api.unique;
import static org.salescrm.goal.TestEvents.SHANGHAI;
import static org.salescrm.goal.TestEvents.publish;
import static org.salescrm.goal.Api.withTeam;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.events.customer.OpportunityWon;
import org.salescrm.goal.TestEvents;
import org.salescrm.testsupport.TestTokens;

/** COLLECTED, CONVERSION_RATE and RETENTION_RATE goals, from a small data set worked out by hand. */
@QuarkusTest
class NewMetricsIT {

    static final String ADMIN = TestTokens.admin("admin");
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void collectedSumsPaymentsByTheDayTheMoneyCameIn() {
        String rep = unique("rep");
        String team = unique("team");
        String q1 = setGoal(ADMIN, withTeam(goal("2034-Q1", "COLLECTED", "REP", rep, 100_000, null), team));
        UUID customer = UUID.randomUUID();

        // 30,000 + 20,000.50 in Q1; the 5,000 received on 1 April counts for Q2
        publish(TestEvents.payment(rep, team, customer, "30000", LocalDate.of(2034, 1, 15)),
                TestEvents.payment(rep, team, customer, "20000.50", LocalDate.of(2034, 3, 31)),
                TestEvents.payment(rep, team, customer, "5000", LocalDate.of(2034, 4, 1)));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(actual(ADMIN, q1)).isEqualByComparingTo("50000.50"));
        as(ADMIN).get("/api/v1/goals/{id}/progress", q1).then().statusCode(200)
                .body("metric", equalTo("COLLECTED"))
                .body("achievementRate", number("0.5000"));
    }

    @Test
    void conversionAndRetentionAreRatiosOfTheRepsDeals() {
        String rep = unique("rep");
        String team = unique("team");
        String conversion = setGoal(ADMIN,
                withTeam(goal("2034-Q1", "CONVERSION_RATE", "REP", rep, "0.5", null), team));
        String retention = setGoal(ADMIN,
                withTeam(goal("2034-Q2", "RETENTION_RATE", "REP", rep, "0.8", null), team));
        UUID c1 = UUID.randomUUID();
        UUID c2 = UUID.randomUUID();
        UUID c3 = UUID.randomUUID();
        UUID c4 = UUID.randomUUID();
        OpportunityWon undone = TestEvents.won(rep, team, c4, "100", LocalDate.of(2034, 2, 1), null);

        // Q1: won with c1, c2, c3; lost one; c4's win moved back out of WON; a loss in Q2 is not Q1's
        publish(TestEvents.won(rep, team, c1, "1000", LocalDate.of(2034, 1, 10), null),
                TestEvents.won(rep, team, c2, "2000", LocalDate.of(2034, 2, 10), null),
                TestEvents.won(rep, team, c3, "3000", LocalDate.of(2034, 3, 10), null),
                TestEvents.lost(rep, team, c1, "NEGOTIATION", "500", LocalDate.of(2034, 3, 20), "预算取消"),
                TestEvents.lost(rep, team, c2, "PROJECT", "700", LocalDate.of(2034, 4, 20), "项目暂停"),
                undone, TestEvents.unwon(undone, LocalDate.of(2034, 2, 5)));
        // Q2: c1 visited, c2 won again, c3 silent; c4 was never a won customer of Q1
        publish(TestEvents.visit(rep, team, c1, LocalDateTime.of(2034, 4, 10, 10, 0).atZone(SHANGHAI).toInstant(),
                        false),
                TestEvents.won(rep, team, c2, "800", LocalDate.of(2034, 5, 1), null),
                TestEvents.visit(rep, team, c4, LocalDateTime.of(2034, 5, 2, 10, 0).atZone(SHANGHAI).toInstant(),
                        true));

        // 3 won ÷ (3 won + 1 lost) = 0.75 against 0.5: AHEAD, expectedByNow is the target itself
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(actual(ADMIN, conversion))
                .isEqualByComparingTo("0.75"));
        as(ADMIN).get("/api/v1/goals/{id}/progress", conversion).then().statusCode(200)
                .body("achievementRate", number("1.5"))
                .body("expectedByNow", number("0.5"))
                .body("pace", equalTo("AHEAD"));
        // of c1, c2, c3 (won in Q1), c1 and c2 came back: 2 ÷ 3 = 0.6667, below 0.8 × 0.9
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(actual(ADMIN, retention))
                .isEqualByComparingTo("0.6667"));
        as(ADMIN).get("/api/v1/goals/{id}/progress", retention).then().statusCode(200)
                .body("achievementRate", number("0.8334"))
                .body("pace", equalTo("BEHIND"));
    }

    @Test
    void rateWithNothingToMeasureHasNoActualYet() {
        String rep = unique("rep");
        String goalId = setGoal(ADMIN,
                withTeam(goal("2034-Q3", "RETENTION_RATE", "REP", rep, "0.9", null), unique("team")));

        as(ADMIN).get("/api/v1/goals/{id}/progress", goalId).then().statusCode(200)
                .body("actual", nullValue())
                .body("achievementRate", nullValue())
                .body("pace", nullValue());
    }

    @Test
    void rateChildrenCarryTheLowestOfTheirTargetsNotTheirSum() {
        String team = unique("team");
        String manager = TestTokens.manager(unique("mgr"), team);
        String parent = setGoal(ADMIN, goal("2034-Q4", "CONVERSION_RATE", "TEAM", team, "0.6", null));
        setGoal(manager, withTeam(goal("2034-Q4", "CONVERSION_RATE", "REP", unique("rep"), "0.5", parent), team));
        setGoal(manager, withTeam(goal("2034-Q4", "CONVERSION_RATE", "REP", unique("rep"), "0.7", parent), team));

        as(ADMIN).get("/api/v1/goals/{id}", parent).then().statusCode(200)
                .body("childrenTotal", number("0.5"))
                .body("decompositionGap", number("0.1"));
    }

    @Test
    void rateTargetAboveOneIsRefusedNamingTheFieldAndRule() {
        as(ADMIN).body(goal("2034-Q1", "CONVERSION_RATE", "TEAM", unique("team"), "1.5", null))
                .post("/api/v1/goals").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("target"))
                .body("errors.rule", hasItem("DecimalMax"));
    }
}
