package org.salescrm.analytics.reports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.support.Db;
import org.salescrm.analytics.support.Events;
import org.salescrm.analytics.support.Fixtures;
import org.salescrm.events.customer.CustomerOwnerChanged;
import org.salescrm.events.target.Organisation;
import org.salescrm.events.target.TeamChanged;
import org.salescrm.testsupport.TestTokens;

/**
 * The figures of a small team worked out by hand, from real events (all at noon, business time):
 * <pre>
 * rep A: C1 (B) and C2 (C) since 08-20, C3 (A) new 09-10, C4 (C) new 10-05; C1 regraded A 10-10, C2 handed to B 10-15
 *        O1 C1 opened 09-01 won 09-21 100 (visit 09-05 effective)
 *        O2 C1 opened 10-01 won 10-11 300, a repeat purchase (visit to C1 10-03 effective)
 *        O3 C3 opened 10-02 won 10-22 500 (visits to C3 10-05 effective, 10-12, 10-15 effective)
 *        O4 C4 opened 10-06 lost 10-20 (visits to C4 10-08, 10-09)
 * rep B: C5 (A) new 09-15; visit to C5 10-20 effective
 * </pre>
 * October for A: 6 visits, 3 effective, 1 new customer, 2 effective customers (C1, C3), retained 2 (C1, C3; C2
 * left), B/C→A 1 of 2, win rate 2/3, average deal 400, cycle 10 and 20 days (median 15, p90 19), repeat purchase
 * 1 of 2 buyers, close rate after 1 meeting 1 (O2), 2 meetings 0 (O4), 3+ 1 (O3). September is the previous period.
 */
@QuarkusTest
class FiguresIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    static String team;
    static String repA;
    static String repB;

    @BeforeEach
    void knownTeam() {
        if (team != null) {
            return;
        }
        team = "team-" + UUID.randomUUID();
        repA = "rep-a-" + UUID.randomUUID();
        repB = "rep-b-" + UUID.randomUUID();
        UUID c1 = UUID.randomUUID();
        UUID c2 = UUID.randomUUID();
        UUID c3 = UUID.randomUUID();
        UUID c4 = UUID.randomUUID();
        UUID c5 = UUID.randomUUID();
        UUID o1 = UUID.randomUUID();
        UUID o2 = UUID.randomUUID();
        UUID o3 = UUID.randomUUID();
        UUID o4 = UUID.randomUUID();
        LocalDate close = LocalDate.of(2026, 12, 31);
        Events.publish(Fixtures.customer(c1, repA, team, "B", at("2026-08-20")),
                Fixtures.customer(c2, repA, team, "C", at("2026-08-20")),
                Fixtures.customer(c3, repA, team, "A", at("2026-09-10")),
                Fixtures.customer(c4, repA, team, "C", at("2026-10-05")),
                Fixtures.customer(c5, repB, team, "A", at("2026-09-15")),
                Fixtures.regraded(c1, 1, repA, team, "A", at("2026-10-10")),
                new CustomerOwnerChanged(UUID.randomUUID(), c2, 1, repB, team, at("2026-10-15"), repA, team,
                        "TRANSFERRED", "调整负责人", "boss", "客户-" + c2, "C"));
        Events.publish(Fixtures.opened(c1, o1, repA, team, at("2026-09-01"), money(100), close),
                Fixtures.won(c1, o1, 1, repA, team, at("2026-09-21"), money(100), LocalDate.of(2026, 9, 1)),
                Fixtures.opened(c1, o2, repA, team, at("2026-10-01"), money(300), close),
                Fixtures.won(c1, o2, 1, repA, team, at("2026-10-11"), money(300), LocalDate.of(2026, 10, 1)),
                Fixtures.opened(c3, o3, repA, team, at("2026-10-02"), money(500), close),
                Fixtures.won(c3, o3, 1, repA, team, at("2026-10-22"), money(500), LocalDate.of(2026, 10, 2)),
                Fixtures.opened(c4, o4, repA, team, at("2026-10-06"), money(50), close),
                Fixtures.lost(c4, o4, 1, repA, team, "TARGET", at("2026-10-20"), money(50)));
        Events.publish(Fixtures.visit(c1, null, repA, team, at("2026-09-05"), "POSITIVE", true),
                Fixtures.visit(c1, null, repA, team, at("2026-10-03"), "POSITIVE", true),
                Fixtures.visit(c3, null, repA, team, at("2026-10-05"), "POSITIVE", true),
                Fixtures.visit(c3, null, repA, team, at("2026-10-12"), "NEUTRAL", false),
                Fixtures.visit(c3, o3, repA, team, at("2026-10-15"), "POSITIVE", true),
                Fixtures.visit(c4, null, repA, team, at("2026-10-08"), "NEUTRAL", false),
                Fixtures.visit(c4, o4, repA, team, at("2026-10-09"), "NEGATIVE", false),
                Fixtures.visit(c5, null, repB, team, at("2026-10-20"), "POSITIVE", true));
        Db db = new Db(pool);
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM customer_version WHERE owner_team = $1", team) == 7
                && db.count("SELECT count(*) FROM visit_fact WHERE owner_team = $1", team) == 8
                && db.count("SELECT count(*) FROM opportunity_fact WHERE owner_team = $1 AND status <> 'OPEN'", team) == 4
                && db.count("SELECT count(*) FROM customer_fact WHERE owner_team = $1", team) == 5);
    }

    @Test
    void aRepsFiguresForAMonthAndTheMonthBefore() {
        JsonPath body = figures(TestTokens.manager("boss-" + UUID.randomUUID(), team), Map.of("period", "2026-10"));

        assertThat(body.getList("items.ownerId")).containsExactly(repA, repB);
        Map<String, Object> a = body.getMap("items[0]");
        assertThat(a).doesNotContainKey("team");
        assertThat(a).containsEntry("visits", 6).containsEntry("effectiveVisits", 3).containsEntry("newCustomers", 1)
                .containsEntry("effectiveCustomers", 2).containsEntry("retainedCustomers", 2);
        assertRate(a.get("bcToAConversionRate"), "0.5");
        assertRate(a.get("winRate"), "0.6667");
        assertRate(a.get("averageDealSize"), "400");
        assertRate(body.get("items[0].salesCycleDays.median"), "15");
        assertRate(body.get("items[0].salesCycleDays.p90"), "19");
        assertRate(a.get("repeatPurchaseRate"), "0.5");
        assertRate(body.get("items[0].closeRateByMeetings.1"), "1");
        assertRate(body.get("items[0].closeRateByMeetings.2"), "0");
        assertRate(body.get("items[0].closeRateByMeetings.3+"), "1");

        Map<String, Object> before = body.getMap("items[0].previous");
        assertThat(before).containsEntry("visits", 1).containsEntry("effectiveVisits", 1).containsEntry("newCustomers", 1)
                .containsEntry("effectiveCustomers", 1).containsEntry("retainedCustomers", 2);
        assertRate(before.get("bcToAConversionRate"), "0");
        assertRate(before.get("winRate"), "1");
        assertRate(before.get("averageDealSize"), "100");
        assertRate(body.get("items[0].previous.salesCycleDays.median"), "20");
        assertRate(before.get("repeatPurchaseRate"), "0");
        assertRate(body.get("items[0].previous.closeRateByMeetings.1"), "1");
        assertThat((Object) body.get("items[0].previous.closeRateByMeetings.2")).isNull();

        Map<String, Object> b = body.getMap("items[1]");
        assertThat(b).containsEntry("visits", 1).containsEntry("effectiveVisits", 1).containsEntry("newCustomers", 0)
                .containsEntry("effectiveCustomers", 1).containsEntry("retainedCustomers", 1);
        assertThat(b.get("winRate")).as("no deal closed").isNull();
        assertThat(b.get("averageDealSize")).isNull();
        assertThat(b.get("bcToAConversionRate")).as("no B or C customer held at the start").isNull();
        assertThat((Object) body.get("items[1].salesCycleDays.median")).isNull();
        assertThat((Object) body.get("items[1].previous.newCustomers")).isEqualTo(1);
        assertThat((Object) body.get("items[1].previous.retainedCustomers")).isEqualTo(0);
    }

    @Test
    void aTeamsFiguresAddItsRepsUp() {
        JsonPath body = figures(TestTokens.admin("admin-" + UUID.randomUUID()),
                Map.of("period", "2026-10", "team", team, "groupBy", "TEAM"));

        assertThat(body.getList("items.team")).containsExactly(team);
        Map<String, Object> t = body.getMap("items[0]");
        assertThat(t).doesNotContainKey("ownerId");
        assertThat(t).containsEntry("visits", 7).containsEntry("effectiveVisits", 4).containsEntry("newCustomers", 1)
                .containsEntry("effectiveCustomers", 3).containsEntry("retainedCustomers", 3);
        assertRate(t.get("bcToAConversionRate"), "0.5");
        assertRate(t.get("winRate"), "0.6667");
        assertRate(body.get("items[0].previous.winRate"), "1");
        assertThat((Object) body.get("items[0].previous.newCustomers")).isEqualTo(2);
    }

    /**
     * The team moved from one region to another on 10-01: October's figures belong to the new region, September's
     * (the previous period) stay with the old one.
     */
    @Test
    void aRegionsFiguresAreItsTeamsAsTheOrganisationHadThemInEachPeriod() {
        String north = "north-" + UUID.randomUUID();
        String south = "south-" + UUID.randomUUID();
        Events.publish(movedTeam(1, south, LocalDate.of(2026, 1, 1)), movedTeam(2, north, LocalDate.of(2026, 10, 1)));
        Db db = new Db(pool);
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM org_team_version WHERE team = $1", team) == 2);

        JsonPath body = figures(TestTokens.admin("admin-" + UUID.randomUUID()),
                Map.of("period", "2026-10", "team", team, "groupBy", "REGION"));

        assertThat(body.getList("items.region")).containsExactly(north, south);
        Map<String, Object> now = body.getMap("items[0]");
        assertThat(now).doesNotContainKey("team").doesNotContainKey("ownerId");
        assertThat(now).containsEntry("visits", 7).containsEntry("effectiveVisits", 4).containsEntry("newCustomers", 1);
        assertRate(now.get("winRate"), "0.6667");
        assertThat((Object) body.get("items[0].previous.visits")).as("north had no team in September").isEqualTo(0);
        assertThat((Object) body.get("items[1].visits")).as("south has no team in October").isEqualTo(0);
        assertThat((Object) body.get("items[1].previous.visits")).isEqualTo(1);
        assertThat((Object) body.get("items[1].previous.newCustomers")).isEqualTo(2);
    }

    private static TeamChanged movedTeam(long version, String region, LocalDate from) {
        return new TeamChanged(UUID.randomUUID(), Organisation.teamId(team), version, null, team, Instant.now(), team,
                region, "mgr-" + team, null, from, "admin");
    }

    @Test
    void weeksAndQuartersAreWrittenAsGoalsWriteThem() {
        String boss = TestTokens.manager("boss-" + UUID.randomUUID(), team);
        // 2026-W41 is Monday 10-05 to Sunday 10-11: A's visits of 10-05, 10-08 and 10-09; W40 holds 10-03.
        JsonPath week = figures(boss, Map.of("period", "2026-W41", "ownerId", repA));
        assertThat(week.getList("items.ownerId")).containsExactly(repA);
        assertThat(week.getInt("items[0].visits")).isEqualTo(3);
        assertThat(week.getInt("items[0].previous.visits")).isEqualTo(1);
        // Q4 holds October; Q3 the September and August facts (C1, C2 and C3 new).
        JsonPath quarter = figures(boss, Map.of("period", "2026-Q4", "ownerId", repA));
        assertThat(quarter.getInt("items[0].visits")).isEqualTo(6);
        assertThat(quarter.getInt("items[0].previous.newCustomers")).isEqualTo(3);
        JsonPath year = figures(boss, Map.of("period", "2026", "ownerId", repA));
        assertThat(year.getInt("items[0].visits")).isEqualTo(7);
        assertThat(year.getInt("items[0].previous.visits")).isZero();
    }

    @Test
    void everyoneSeesOnlyTheirScope() {
        JsonPath own = figures(TestTokens.rep(repA, team), Map.of("period", "2026-10"));
        assertThat(own.getList("items.ownerId")).containsExactly(repA);
        JsonPath colleague = figures(TestTokens.rep(repA, team), Map.of("period", "2026-10", "ownerId", repB));
        assertThat(colleague.getList("items")).as("another rep's figures answer as an empty scope").isEmpty();
        JsonPath stranger = figures(TestTokens.manager("other-" + UUID.randomUUID(), "team-" + UUID.randomUUID()),
                Map.of("period", "2026-10", "team", team));
        assertThat(stranger.getList("items")).as("another team's figures answer as an empty scope").isEmpty();
        JsonPath strangerByTeam = figures(TestTokens.manager("other-" + UUID.randomUUID(), "team-" + UUID.randomUUID()),
                Map.of("period", "2026-10", "team", team, "groupBy", "TEAM"));
        assertThat(strangerByTeam.getList("items")).isEmpty();
    }

    @Test
    void aPeriodOrGroupingThatIsNoneIsABadRequestNamingIt() {
        String rep = TestTokens.rep(repA, team);
        for (String period : List.of("2026-Q5", "2026-13", "2026-W54", "26", "2026-10-01")) {
            given().auth().oauth2(rep).queryParam("period", period).get("/api/v1/reports/figures").then()
                    .statusCode(400).body("errors.field", hasItem("period"));
        }
        given().auth().oauth2(rep).queryParam("groupBy", "PLANET").get("/api/v1/reports/figures").then()
                .statusCode(400).body("errors.field", hasItem("groupBy"));
        given().get("/api/v1/reports/figures").then().statusCode(401);
    }

    private static JsonPath figures(String token, Map<String, String> query) {
        return given().auth().oauth2(token).queryParams(query).get("/api/v1/reports/figures").then().statusCode(200)
                .extract().jsonPath();
    }

    private static void assertRate(Object actual, String expected) {
        assertThat(actual).as("expected %s", expected).isNotNull();
        assertThat(new BigDecimal(actual.toString())).isEqualByComparingTo(expected);
    }

    private static Instant at(String day) {
        return LocalDate.parse(day).atTime(LocalTime.NOON).atZone(Fixtures.BUSINESS_ZONE).toInstant();
    }

    private static BigDecimal money(int amount) {
        return BigDecimal.valueOf(amount);
    }
}
