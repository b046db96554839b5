package org.salescrm.goal.forecast;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.salescrm.goal.Api.as;
import static org.salescrm.goal.Api.goal;
import static org.salescrm.goal.Api.number;
import static org.salescrm.goal.Api.setGoal;
import static org.salescrm.goal.Api.unique;
import static org.salescrm.goal.TestEvents.publish;
import static org.salescrm.goal.Api.withTeam;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.events.customer.OpportunityOpened;
import org.salescrm.goal.TestEvents;
import org.salescrm.testsupport.TestTokens;

/** Forecasts from the replica of crm.opportunities, figures worked out by hand. */
@QuarkusTest
class ForecastIT {

    static final String ADMIN = TestTokens.admin("admin");
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void forecastAddsTheOpenDealsClosingInThePeriodToWhatIsWon() {
        String team = unique("team");
        String rep1 = unique("rep");
        String rep2 = unique("rep");
        String teamGoal = setGoal(ADMIN, goal("2035-Q2", "REVENUE", "TEAM", team, 1_000_000, null));
        String rep2Goal = setGoal(ADMIN, withTeam(goal("2035-Q2", "REVENUE", "REP", rep2, 100_000, teamGoal), team));
        LocalDate april = LocalDate.of(2035, 4, 1);
        OpportunityOpened a = TestEvents.opened(rep1, team, UUID.randomUUID(), "A", "100000",
                LocalDate.of(2035, 5, 20), april);
        OpportunityOpened b = TestEvents.opened(rep2, team, UUID.randomUUID(), "B", "50000",
                LocalDate.of(2035, 6, 30), april);
        OpportunityOpened c = TestEvents.opened(rep1, team, UUID.randomUUID(), "C", "30000",
                LocalDate.of(2035, 5, 1), april);
        OpportunityOpened d = TestEvents.opened(rep2, team, UUID.randomUUID(), "D", "999",
                LocalDate.of(2035, 7, 15), april);
        OpportunityOpened e = TestEvents.opened(rep1, team, UUID.randomUUID(), "E", "60000",
                LocalDate.of(2035, 6, 1), april);
        OpportunityOpened f = TestEvents.opened(rep1, team, UUID.randomUUID(), "F", "77",
                LocalDate.of(2035, 6, 1), april);
        OpportunityOpened elsewhere = TestEvents.opened(unique("rep"), unique("team"), UUID.randomUUID(), "G",
                "88888", LocalDate.of(2035, 6, 1), april);

        publish(TestEvents.won(rep1, team, UUID.randomUUID(), "200000", LocalDate.of(2035, 4, 15), null));
        publish(a, TestEvents.moved(a, 3, "ACKNOWLEDGED", "NEGOTIATION", "120000", LocalDate.of(2035, 6, 10),
                LocalDate.of(2035, 4, 20)));
        publish(b, TestEvents.moved(b, 2, "PROJECT", "ACKNOWLEDGED", "50000", LocalDate.of(2035, 6, 30),
                LocalDate.of(2035, 4, 21)));
        publish(c, d, e, TestEvents.lost(e.aggregateId(), 2, rep1, team, e.customerId(), "TARGET", "60000",
                LocalDate.of(2035, 4, 22), "无预算"));
        // F: an edit at version 3, then a stale stage change at version 2 that must change nothing
        publish(f, TestEvents.updated(f, 3, "TARGET", "40000", LocalDate.of(2035, 6, 1), LocalDate.of(2035, 4, 23)),
                TestEvents.moved(f, 2, "TARGET", "INTENT", "77", LocalDate.of(2035, 9, 1), LocalDate.of(2035, 4, 22)),
                elsewhere);

        // committed 200,000 + 120,000; best case + 50,000 + 30,000 + 40,000;
        // weighted 200,000 + 120,000×80% + 50,000×60% + 30,000×5% + 40,000×5% = 329,500
        await().atMost(PATIENCE).untilAsserted(() -> as(ADMIN).get("/api/v1/goals/{id}/forecast", teamGoal)
                .then().statusCode(200)
                .body("target", number("1000000"))
                .body("won", number("200000"))
                .body("committed", number("320000"))
                .body("bestCase", number("440000"))
                .body("weighted", number("329500"))
                .body("deals.name", contains("C", "F", "A", "B"))
                .body("deals.stage", contains("TARGET", "TARGET", "NEGOTIATION", "ACKNOWLEDGED"))
                .body("deals.probability", contains(5, 5, 80, 60))
                .body("deals[2].opportunityId", equalTo(a.aggregateId().toString()))
                .body("deals[2].amount", number("120000"))
                .body("deals[2].expectedCloseDate", equalTo("2035-06-10")));
        as(TestTokens.rep(rep2, team)).get("/api/v1/goals/{id}/forecast", rep2Goal).then().statusCode(200)
                .body("won", number("0"))
                .body("committed", number("0"))
                .body("bestCase", number("50000"))
                .body("weighted", number("30000"))
                .body("deals.name", contains("B"));
    }

    @Test
    void aDealWeighsWithTheProbabilityCustomerServiceGaveIt() {
        String team = unique("team");
        String goalId = setGoal(ADMIN, goal("2035-Q3", "REVENUE", "TEAM", team, 500_000, null));
        LocalDate july = LocalDate.of(2035, 7, 1);
        OpportunityOpened deal = TestEvents.opened(unique("rep"), team, UUID.randomUUID(), "H", "100000",
                LocalDate.of(2035, 8, 15), july);

        // the company's funnel gives NEGOTIATION 70, not the default 80
        publish(deal, TestEvents.moved(deal, 2, "ACKNOWLEDGED", "NEGOTIATION", "100000", LocalDate.of(2035, 8, 15),
                july, 70));

        await().atMost(PATIENCE).untilAsserted(() -> as(ADMIN).get("/api/v1/goals/{id}/forecast", goalId)
                .then().statusCode(200)
                .body("deals.probability", contains(70))
                .body("weighted", number("70000")));
    }

    @Test
    void onlyRevenueGoalsHaveAForecast() {
        String goalId = setGoal(ADMIN, goal("2035-Q2", "VISITS", "TEAM", unique("team"), 100, null));

        as(ADMIN).get("/api/v1/goals/{id}/forecast", goalId).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("metric"))
                .body("errors.rule", hasItem("REVENUE"));
    }

    @Test
    void anotherTeamsManagerGetsNotFound() {
        String team = unique("team");
        String goalId = setGoal(ADMIN, goal("2035-Q3", "REVENUE", "TEAM", team, 100, null));

        as(TestTokens.manager(unique("mgr"), unique("team"))).get("/api/v1/goals/{id}/forecast", goalId).then()
                .statusCode(404);
        as(TestTokens.manager(unique("mgr"), team)).get("/api/v1/goals/{id}/forecast", goalId).then()
                .statusCode(200);
    }
}
