package org.salescrm.analytics.reports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.salescrm.analytics.support.Fixtures.day;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.support.Db;
import org.salescrm.analytics.support.Events;
import org.salescrm.analytics.support.Fixtures;
import org.salescrm.testsupport.TestTokens;

/**
 * The three reports over a small known team, built from real events:
 * O1 TARGET(d-40) → POTENTIAL(d-30) → WON(d-20), 100; O2 TARGET(d-40) → POTENTIAL(d-34) → LOST(d-10), 50;
 * O3 TARGET(d-40), open, 200; O4 (the second rep's) TARGET(d-40) → POTENTIAL(d-36), open, 400.
 */
@QuarkusTest
class ReportsIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    Db db;
    static String team;
    static String repA;
    static String repB;
    static Instant now;

    /** Once for all tests: the reports only read. */
    @BeforeEach
    void knownTeam() {
        db = new Db(pool);
        if (team != null) {
            return;
        }
        team = "team-" + UUID.randomUUID();
        repA = "rep-a-" + UUID.randomUUID();
        repB = "rep-b-" + UUID.randomUUID();
        now = Instant.now();
        UUID customerA = UUID.randomUUID();
        UUID customerB = UUID.randomUUID();
        LocalDate close = day(now).plusDays(30);
        UUID o1 = UUID.randomUUID();
        UUID o2 = UUID.randomUUID();
        UUID o3 = UUID.randomUUID();
        UUID o4 = UUID.randomUUID();
        Events.publish(Fixtures.customer(customerA, repA, team, "B", daysAgo(45)),
                Fixtures.opened(customerA, o1, repA, team, daysAgo(40), money(100), close),
                Fixtures.moved(customerA, o1, 1, repA, team, "TARGET", "POTENTIAL", daysAgo(30), money(100), close),
                Fixtures.moved(customerA, o1, 2, repA, team, "POTENTIAL", "WON", daysAgo(20), money(100), close),
                Fixtures.won(customerA, o1, 2, repA, team, daysAgo(20), money(100), day(daysAgo(40))),
                Fixtures.opened(customerA, o2, repA, team, daysAgo(40), money(50), close),
                Fixtures.moved(customerA, o2, 1, repA, team, "TARGET", "POTENTIAL", daysAgo(34), money(50), close),
                Fixtures.lost(customerA, o2, 2, repA, team, "POTENTIAL", daysAgo(10), money(50)),
                Fixtures.opened(customerA, o3, repA, team, daysAgo(40), money(200), close),
                Fixtures.visit(customerA, null, repA, team, daysAgo(5), "POSITIVE", true),
                Fixtures.visit(customerA, null, repA, team, daysAgo(4), "NEUTRAL", false),
                Fixtures.followUp(customerA, UUID.randomUUID(), repA, team, daysAgo(9), day(now).minusDays(2)));
        Events.publish(Fixtures.customer(customerB, repB, team, "C", daysAgo(45)),
                Fixtures.opened(customerB, o4, repB, team, daysAgo(40), money(400), close),
                Fixtures.moved(customerB, o4, 1, repB, team, "TARGET", "POTENTIAL", daysAgo(36), money(400), close),
                Fixtures.visit(customerB, null, repB, team, daysAgo(3), "POSITIVE", true));
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM stage_transition WHERE owner_team = $1", team) == 9
                && db.count("SELECT count(*) FROM visit_fact WHERE owner_team = $1", team) == 3
                && db.count("SELECT count(*) FROM follow_up_fact WHERE owner_team = $1", team) == 1
                && db.count("SELECT count(*) FROM opportunity_fact WHERE owner_team = $1 AND won_on IS NOT NULL", team) == 1
                && db.count("SELECT count(*) FROM customer_fact WHERE owner_team = $1", team) == 2);
    }

    @Test
    void funnelCountsEntriesAdvancesMediansAndWinRate() {
        JsonPath funnel = given().auth().oauth2(TestTokens.manager("boss", team)).queryParam("team", team)
                .get("/api/v1/reports/funnel").then().statusCode(200).extract().jsonPath();

        assertThat(funnel.getList("stages.stage")).containsExactly("TARGET", "POTENTIAL", "INTENT", "PROJECT",
                "ACKNOWLEDGED", "NEGOTIATION", "WON");
        assertStage(funnel, 0, 4, 3, "0.75", "6.0");
        assertStage(funnel, 1, 3, 1, "0.3333", "17.0");
        assertStage(funnel, 2, 0, 0, null, null);
        assertThat(funnel.getInt("stages[6].entered")).isEqualTo(1);
        assertThat(funnel.getInt("won")).isEqualTo(1);
        assertThat(funnel.getInt("lost")).isEqualTo(1);
        assertThat(new BigDecimal(funnel.getString("winRate"))).isEqualByComparingTo("0.5");

        // From 35 days ago on: no TARGET entry; POTENTIAL entered by O2 (d-34) and O1 (d-30), not O4 (d-36).
        JsonPath recent = given().auth().oauth2(TestTokens.manager("boss", team)).queryParam("team", team)
                .queryParam("from", day(daysAgo(35)).toString()).queryParam("to", day(now).toString())
                .get("/api/v1/reports/funnel").then().statusCode(200).extract().jsonPath();
        assertStage(recent, 0, 0, 0, null, null);
        assertThat(recent.getInt("stages[1].entered")).isEqualTo(2);
    }

    @Test
    void funnelIsScopedToTheCaller() {
        JsonPath own = given().auth().oauth2(TestTokens.rep(repA, team)).get("/api/v1/reports/funnel")
                .then().statusCode(200).extract().jsonPath();
        assertThat(own.getInt("stages[0].entered")).isEqualTo(3);
        JsonPath stranger = given().auth().oauth2(TestTokens.manager("other", "team-" + UUID.randomUUID()))
                .queryParam("team", team).get("/api/v1/reports/funnel").then().statusCode(200).extract().jsonPath();
        assertThat(stranger.getInt("stages[0].entered")).isZero();
        assertThat(stranger.getInt("won")).isZero();
        given().auth().oauth2(TestTokens.rep(repA, team)).queryParam("from", "2026-13-01")
                .get("/api/v1/reports/funnel").then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(TestTokens.rep(repA, team)).queryParam("from", "2026-11-02").queryParam("to", "2026-11-01")
                .get("/api/v1/reports/funnel").then().statusCode(422).body("errors.field", hasItem("from"));
        given().get("/api/v1/reports/funnel").then().statusCode(401);
    }

    @Test
    void pipelineSumsOpenDealsWeightsThemAndDerivesVelocity() {
        JsonPath pipeline = given().auth().oauth2(TestTokens.manager("boss", team)).queryParam("team", team)
                .get("/api/v1/reports/pipeline").then().statusCode(200).extract().jsonPath();

        assertThat(pipeline.getList("stages.stage")).containsExactly("TARGET", "POTENTIAL", "INTENT", "PROJECT",
                "ACKNOWLEDGED", "NEGOTIATION");
        assertThat(pipeline.getInt("stages[0].count")).isEqualTo(1);
        assertThat(new BigDecimal(pipeline.getString("stages[0].amount"))).isEqualByComparingTo("200");
        assertThat(pipeline.getInt("stages[1].count")).isEqualTo(1);
        assertThat(new BigDecimal(pipeline.getString("stages[1].amount"))).isEqualByComparingTo("400");
        // 200 × 5% + 400 × 10%
        assertThat(new BigDecimal(pipeline.getString("weightedAmount"))).isEqualByComparingTo("50");
        // 2 open × win rate 0.5 × average won 100 ÷ 20 days of cycle
        assertThat(new BigDecimal(pipeline.getString("salesVelocityPerDay"))).isEqualByComparingTo("5");

        JsonPath repBs = given().auth().oauth2(TestTokens.manager("boss", team)).queryParam("ownerId", repB)
                .get("/api/v1/reports/pipeline").then().statusCode(200).extract().jsonPath();
        assertThat(repBs.getInt("stages[0].count")).isZero();
        assertThat(repBs.getInt("stages[1].count")).isEqualTo(1);
    }

    @Test
    void activityListsEachRepsVisitsCustomersDealsAndOverdueFollowUps() {
        JsonPath activity = given().auth().oauth2(TestTokens.manager("boss", team)).queryParam("team", team)
                .get("/api/v1/reports/activity").then().statusCode(200).extract().jsonPath();

        List<Map<String, Object>> items = activity.getList("items");
        assertThat(items).extracting(i -> i.get("ownerId")).containsExactlyInAnyOrder(repA, repB);
        Map<String, Object> a = items.stream().filter(i -> repA.equals(i.get("ownerId"))).findFirst().orElseThrow();
        assertThat(a).containsEntry("visits", 2).containsEntry("effectiveVisits", 1).containsEntry("newCustomers", 1)
                .containsEntry("wonDeals", 1).containsEntry("overdueFollowUps", 1);
        assertThat(new BigDecimal(a.get("wonAmount").toString())).isEqualByComparingTo("100");

        JsonPath lastWeek = given().auth().oauth2(TestTokens.rep(repA, team))
                .queryParam("from", day(daysAgo(7)).toString()).queryParam("to", day(now).toString())
                .get("/api/v1/reports/activity").then().statusCode(200).extract().jsonPath();
        assertThat(lastWeek.getList("items.ownerId")).containsExactly(repA);
        assertThat(lastWeek.getInt("items[0].visits")).isEqualTo(2);
        assertThat(lastWeek.getInt("items[0].wonDeals")).isZero();
    }

    private static void assertStage(JsonPath funnel, int index, int entered, int advanced, String rate, String median) {
        String at = "stages[" + index + "].";
        assertThat(funnel.getInt(at + "entered")).as(at + "entered").isEqualTo(entered);
        assertThat(funnel.getInt(at + "advanced")).as(at + "advanced").isEqualTo(advanced);
        if (rate == null) {
            assertThat(funnel.getString(at + "conversionRate")).as(at + "conversionRate").isNull();
        } else {
            assertThat(new BigDecimal(funnel.getString(at + "conversionRate"))).as(at + "conversionRate")
                    .isEqualByComparingTo(rate);
        }
        if (median == null) {
            assertThat(funnel.getString(at + "medianDaysInStage")).isNull();
        } else {
            assertThat(new BigDecimal(funnel.getString(at + "medianDaysInStage"))).as(at + "median")
                    .isEqualByComparingTo(median);
        }
    }

    private static Instant daysAgo(int days) {
        return now.minus(Duration.ofDays(days));
    }

    private static BigDecimal money(int amount) {
        return BigDecimal.valueOf(amount);
    }
}
