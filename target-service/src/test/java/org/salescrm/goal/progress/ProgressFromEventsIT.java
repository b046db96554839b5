package org.salescrm.goal.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.salescrm.goal.Api.actual;
import static org.salescrm.goal.Api.as;
import static org.salescrm.goal.Api.number;
import static org.salescrm.goal.Api.goal;
import static org.salescrm.goal.Api.setGoal;
import static org.salescrm.goal.Api.unique;
import static org.salescrm.goal.TestEvents.SHANGHAI;
import static org.salescrm.goal.TestEvents.publish;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.salescrm.events.Topics;
import org.salescrm.events.customer.OpportunityStageChanged;
import org.salescrm.events.customer.OpportunityWon;
import org.salescrm.events.visit.VisitLogged;
import org.salescrm.goal.TestClock;
import org.salescrm.goal.TestEvents;
import org.salescrm.testsupport.TestTokens;

/** Actuals from real events on the real broker, rolled up to every level, counted once, by business date. */
@QuarkusTest
class ProgressFromEventsIT {

    static final String ADMIN = TestTokens.admin("admin");
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    @Test
    void wonDealMovesTheRepsTheTeamsTheRegionsAndTheCompanysRevenue() {
        String rep = unique("rep");
        String product = unique("product");
        // team east is in region east (the organisation's seed); this test alone sets goals for 2032-Q2
        String company = setGoal(ADMIN, goal("2032-Q2", "REVENUE", "COMPANY", null, 10_000_000, null));
        String region = setGoal(ADMIN, goal("2032-Q2", "REVENUE", "REGION", "east", 5_000_000, company));
        String team = setGoal(ADMIN, goal("2032-Q2", "REVENUE", "TEAM", "east", 1_000_000, region));
        String repGoal = setGoal(TestTokens.manager("mgr-east", "east"),
                goal("2032-Q2", "REVENUE", "REP", rep, 100_000, team));
        String productGoal = setGoal(ADMIN, goal("2032-Q2", "REVENUE", "PRODUCT", product, 50_000, company));
        String wonDeals = setGoal(ADMIN, goal("2032-Q2", "WON_DEALS", "TEAM", "east", 10, null));
        BigDecimal companyBefore = actual(ADMIN, company);
        BigDecimal regionBefore = actual(ADMIN, region);
        BigDecimal teamBefore = actual(ADMIN, team);
        BigDecimal dealsBefore = actual(ADMIN, wonDeals);

        OpportunityWon won = TestEvents.won(rep, "east", UUID.randomUUID(), "12345.67", LocalDate.of(2032, 5, 10),
                product);
        publish(won);

        BigDecimal amount = new BigDecimal("12345.67");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(actual(ADMIN, repGoal)).isEqualByComparingTo(amount));
        assertThat(actual(ADMIN, team)).isEqualByComparingTo(teamBefore.add(amount));
        assertThat(actual(ADMIN, region)).isEqualByComparingTo(regionBefore.add(amount));
        assertThat(actual(ADMIN, company)).isEqualByComparingTo(companyBefore.add(amount));
        assertThat(actual(ADMIN, productGoal)).isEqualByComparingTo(amount);
        assertThat(actual(ADMIN, wonDeals)).isEqualByComparingTo(dealsBefore.add(BigDecimal.ONE));
        as(TestTokens.rep(rep, "east")).get("/api/v1/goals/{id}/progress", repGoal).then().statusCode(200)
                .body("target", number("100000"))
                .body("achievementRate", number("0.1235"));

        // the rep is now known to be in east: a manager of west may not set their goals
        as(TestTokens.manager("mgr-west", "west")).body(goal("2032-Q2", "VISITS", "REP", rep, 10, null))
                .post("/api/v1/goals").then().statusCode(403);
        Map<String, Object> wrongTeam = goal("2032-Q2", "VISITS", "REP", rep, 10, null);
        ((Map<String, Object>) wrongTeam.get("scope")).put("team", "west");
        as(ADMIN).body(wrongTeam).post("/api/v1/goals").then().statusCode(422);
    }

    @Test
    void redeliveredEventChangesNothing() {
        String rep = unique("rep");
        String team = unique("team");
        String revenue = setGoal(ADMIN, withTeam(goal("2032-Q2", "REVENUE", "REP", rep, 1000, null), team));
        String deals = setGoal(ADMIN, withTeam(goal("2032-Q2", "WON_DEALS", "REP", rep, 3, null), team));
        UUID customer = UUID.randomUUID();
        OpportunityWon won = TestEvents.won(rep, team, customer, "800", LocalDate.of(2032, 4, 2), null);
        String json = TestEvents.envelope(won);

        TestEvents.publishRaw(won, json);
        TestEvents.publishRaw(won, json);
        // a later event on the same customer's partition: once it counts, both copies before it were seen
        OpportunityWon marker = TestEvents.won(rep, team, customer, "1", LocalDate.of(2032, 4, 3), null);
        publish(marker);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(actual(ADMIN, deals)).isEqualByComparingTo("2"));
        assertThat(actual(ADMIN, revenue)).isEqualByComparingTo("801");
    }

    @Test
    void dealMovedBackOutOfWonNoLongerCounts() {
        String rep = unique("rep");
        String team = unique("team");
        String revenue = setGoal(ADMIN, withTeam(goal("2032-08", "REVENUE", "REP", rep, 1000, null), team));
        String deals = setGoal(ADMIN, withTeam(goal("2032-08", "WON_DEALS", "REP", rep, 3, null), team));
        OpportunityWon kept = TestEvents.won(rep, team, UUID.randomUUID(), "300", LocalDate.of(2032, 8, 1), null);
        OpportunityWon undone = TestEvents.won(rep, team, kept.customerId(), "700", LocalDate.of(2032, 8, 2), null);
        publish(kept, undone);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(actual(ADMIN, revenue)).isEqualByComparingTo("1000"));

        publish(new OpportunityStageChanged(UUID.randomUUID(), undone.aggregateId(), undone.aggregateVersion() + 1,
                rep, team, undone.occurredAt().plusSeconds(86_400), undone.customerId(), "WON", "NEGOTIATION", 80,
                "合同被客户法务退回", true, undone.amount(), "CNY", null, LocalDate.of(2032, 9, 1), rep));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(actual(ADMIN, revenue)).isEqualByComparingTo("300"));
        assertThat(actual(ADMIN, deals)).isEqualByComparingTo("1");
    }

    @Test
    void dealWonOnTheLastDayOfAQuarterCountsInThatQuarterWheneverItArrives() {
        String rep = unique("rep");
        String team = unique("team");
        String q3 = setGoal(ADMIN, withTeam(goal("2032-Q3", "REVENUE", "REP", rep, 1000, null), team));
        String q4 = setGoal(ADMIN, withTeam(goal("2032-Q4", "REVENUE", "REP", rep, 1000, null), team));
        String q4Visits = setGoal(ADMIN, withTeam(goal("2032-Q4", "VISITS", "REP", rep, 10, null), team));
        String q3Visits = setGoal(ADMIN, withTeam(goal("2032-Q3", "VISITS", "REP", rep, 10, null), team));

        // published "now", years after 30 September 2032 ended
        publish(TestEvents.won(rep, team, UUID.randomUUID(), "500", LocalDate.of(2032, 9, 30), null));
        // 30 September 17:30 UTC is already 1 October in Shanghai: a Q4 visit
        publish(TestEvents.visit(rep, team, UUID.randomUUID(),
                LocalDateTime.of(2032, 9, 30, 17, 30).atZone(java.time.ZoneOffset.UTC).toInstant(), true));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(actual(ADMIN, q3)).isEqualByComparingTo("500");
            assertThat(actual(ADMIN, q4Visits)).isEqualByComparingTo("1");
        });
        assertThat(actual(ADMIN, q4)).isEqualByComparingTo("0");
        assertThat(actual(ADMIN, q3Visits)).isEqualByComparingTo("0");
    }

    @Test
    void correctedVisitCanBecomeEffective() {
        String rep = unique("rep");
        String team = unique("team");
        String visits = setGoal(ADMIN, withTeam(goal("2032-11", "VISITS", "REP", rep, 20, null), team));
        String effective = setGoal(ADMIN, withTeam(goal("2032-11", "EFFECTIVE_VISITS", "REP", rep, 10, null), team));
        VisitLogged visit = TestEvents.visit(rep, team, UUID.randomUUID(),
                LocalDateTime.of(2032, 11, 3, 10, 0).atZone(SHANGHAI).toInstant(), false);
        VisitLogged second = TestEvents.visit(rep, team, visit.customerId(),
                LocalDateTime.of(2032, 11, 4, 10, 0).atZone(SHANGHAI).toInstant(), false);

        publish(visit, second);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(actual(ADMIN, visits)).isEqualByComparingTo("2"));
        assertThat(actual(ADMIN, effective)).isEqualByComparingTo("0");

        publish(TestEvents.corrected(visit, 1, true));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(actual(ADMIN, effective)).isEqualByComparingTo("1"));
        assertThat(actual(ADMIN, visits)).isEqualByComparingTo("2");
    }

    @Test
    void recordThatIsNotAnEventIsDeadLetteredAndTheNextOneCounts() {
        ConsumerTask<String, String> deadLetters = TestEvents.kafka().consumeStrings()
                .fromTopics(Topics.deadLetter("target-service"));
        String rep = unique("rep");
        String team = unique("team");
        String visits = setGoal(ADMIN, withTeam(goal("2032-12", "VISITS", "REP", rep, 20, null), team));
        VisitLogged good = TestEvents.visit(rep, team, UUID.randomUUID(),
                LocalDateTime.of(2032, 12, 1, 10, 0).atZone(SHANGHAI).toInstant(), true);
        String key = good.partitionKey().toString();

        TestEvents.kafka().produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.VISITS, key, "this is not an event"))
                .awaitCompletion(Duration.ofSeconds(10));
        publish(good);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(actual(ADMIN, visits)).isEqualByComparingTo("1"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deadLetters.getRecords())
                .anySatisfy(r -> {
                    assertThat(r.key()).isEqualTo(key);
                    assertThat(r.value()).isEqualTo("this is not an event");
                }));
        deadLetters.close();
    }

    @Test
    void paceComparesTheActualWithTheElapsedShareOfThePeriod() {
        String rep = unique("rep");
        String team = unique("team");
        // March 2033 has 31 days: a target of 3100 expects 100 a day
        String goalId = setGoal(ADMIN, withTeam(goal("2033-03", "REVENUE", "REP", rep, 3100, null), team));
        publish(TestEvents.won(rep, team, UUID.randomUUID(), "1000", LocalDate.of(2033, 3, 2), null));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(actual(ADMIN, goalId)).isEqualByComparingTo("1000"));
        try {
            clock.fixAt(LocalDateTime.of(2033, 3, 17, 0, 0).atZone(SHANGHAI).toInstant());
            pace(goalId, "1600.00", "BEHIND");
            clock.fixAt(LocalDateTime.of(2033, 3, 11, 0, 0).atZone(SHANGHAI).toInstant());
            pace(goalId, "1000.00", "ON_TRACK");
            // 10% under: still within the band
            clock.fixAt(LocalDateTime.of(2033, 3, 12, 2, 24).atZone(SHANGHAI).toInstant());
            pace(goalId, "1110.00", "ON_TRACK");
            // 10% over: still within the band
            clock.fixAt(LocalDateTime.of(2033, 3, 10, 2, 24).atZone(SHANGHAI).toInstant());
            pace(goalId, "910.00", "ON_TRACK");
            clock.fixAt(LocalDateTime.of(2033, 3, 10, 0, 0).atZone(SHANGHAI).toInstant());
            pace(goalId, "900.00", "AHEAD");
            clock.fixAt(LocalDateTime.of(2033, 2, 28, 0, 0).atZone(SHANGHAI).toInstant());
            pace(goalId, "0.00", "AHEAD");
            clock.fixAt(LocalDateTime.of(2033, 4, 9, 0, 0).atZone(SHANGHAI).toInstant());
            pace(goalId, "3100.00", "BEHIND");
        } finally {
            clock.reset();
        }
    }

    private static void pace(String goalId, String expectedByNow, String pace) {
        as(ADMIN).get("/api/v1/goals/{id}/progress", goalId).then().statusCode(200)
                .body("actual", number("1000"))
                .body("achievementRate", number("0.3226"))
                .body("expectedByNow", number(expectedByNow))
                .body("pace", equalTo(pace));
    }

    static Map<String, Object> withTeam(Map<String, Object> goal, String team) {
        ((Map<String, Object>) goal.get("scope")).put("team", team);
        return goal;
    }
}
