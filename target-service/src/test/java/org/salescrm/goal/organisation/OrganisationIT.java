package org.salescrm.goal.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.salescrm.goal.Api.actual;
import static org.salescrm.goal.Api.as;
import static org.salescrm.goal.Api.goal;
import static org.salescrm.goal.Api.setGoal;
import static org.salescrm.goal.Api.unique;
import static org.salescrm.goal.TestEvents.publish;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.salescrm.events.Topics;
import org.salescrm.events.target.Organisation;
import org.salescrm.goal.TestEvents;
import org.salescrm.testsupport.TestTokens;

/**
 * The organisation as data: an admin sets regions and teams through the API, effective from a date;
 * everyone reads it as of a day; the changes go out on crm.organisation; REGION goals count the teams
 * the region had, with no restart and no configuration.
 */
@QuarkusTest
class OrganisationIT {

    static final String ADMIN = TestTokens.admin("admin");
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void adminSetsARegionAndATeamWhichEveryoneReadsAndWhichArePublished() {
        ConsumerTask<String, String> events = TestEvents.kafka().consumeStrings().fromTopics(Topics.ORGANISATION);
        String region = unique("north");
        String team = unique("team");
        String head = unique("head");
        String manager = unique("mgr");

        as(ADMIN).body(region("华北区", head, "2030-01-01")).put("/api/v1/organisation/regions/{r}", region)
                .then().statusCode(200)
                .body("id", equalTo(region))
                .body("name", equalTo("华北区"))
                .body("headId", equalTo(head))
                .body("effectiveFrom", equalTo("2030-01-01"))
                .body("version", equalTo(1))
                .body("createdAt", notNullValue());
        as(ADMIN).body(team(region, manager, null, "2030-01-01")).put("/api/v1/organisation/teams/{t}", team)
                .then().statusCode(200)
                .body("id", equalTo(team))
                .body("region", equalTo(region))
                .body("managerId", equalTo(manager))
                .body("reportsTo", equalTo(head))
                .body("reportsToRegionHead", equalTo(true));

        // a rep reads it too: the team is in the region, its manager reports to the head
        String rep = TestTokens.rep(unique("rep"), team);
        as(rep).get("/api/v1/organisation?asOf=2030-06-01").then().statusCode(200)
                .body("asOf", equalTo("2030-06-01"))
                .body("regions.find { it.id == '" + region + "' }.teams", equalTo(List.of(team)))
                .body("regions.find { it.id == '" + region + "' }.headId", equalTo(head))
                .body("teams.find { it.id == '" + team + "' }.reportsTo", equalTo(head));
        // before it was set up, neither existed
        as(rep).get("/api/v1/organisation?asOf=2029-12-31").then().statusCode(200)
                .body("regions.id", not(hasItem(region)))
                .body("teams.id", not(hasItem(team)));

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<String> published = events.getRecords().stream()
                    .filter(r -> r.key().equals(Organisation.PARTITION_KEY.toString()))
                    .map(ConsumerRecord::value).filter(v -> v.contains(region)).toList();
            assertThat(published).anySatisfy(v -> assertThat(v).contains("crm.region.changed.v1").contains(head));
            assertThat(published).anySatisfy(v -> assertThat(v).contains("crm.team.changed.v1").contains(manager));
        });
        events.close();
    }

    @Test
    void onlyAnAdminChangesTheOrganisation() {
        String region = unique("south");
        as(TestTokens.manager(unique("mgr"), "east")).body(region("华南区", null, "2030-01-01"))
                .put("/api/v1/organisation/regions/{r}", region).then().statusCode(403)
                .contentType("application/problem+json");
        as(TestTokens.rep(unique("rep"), "east")).body(team("east", null, null, "2030-01-01"))
                .put("/api/v1/organisation/teams/{t}", unique("team")).then().statusCode(403)
                .contentType("application/problem+json");
        as(ADMIN).get("/api/v1/organisation?asOf=2031-01-01").then().statusCode(200)
                .body("regions.id", not(hasItem(region)));
    }

    @Test
    void badChangesAreRefusedWithTheFieldAndRule() {
        String team = unique("team");
        as(ADMIN).body(team(unique("nowhere"), null, null, "2030-01-01")).put("/api/v1/organisation/teams/{t}", team)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("region"))
                .body("errors[0].rule", equalTo("exists"));
        as(ADMIN).body(team("east", "mgr-x", "mgr-x", "2030-01-01")).put("/api/v1/organisation/teams/{t}", team)
                .then().statusCode(422)
                .body("errors[0].field", equalTo("reportsTo"))
                .body("errors[0].rule", equalTo("not-the-manager"));
        as(ADMIN).body(region("", null, "2030-01-01")).put("/api/v1/organisation/regions/{r}", unique("r"))
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        as(ADMIN).body(region("r", null, "1899-01-01")).put("/api/v1/organisation/regions/{r}", unique("r"))
                .then().statusCode(422)
                .body("errors[0].field", equalTo("effectiveFrom"))
                .body("errors[0].rule", equalTo("Range"));
        as(ADMIN).get("/api/v1/organisation?asOf=yesterday").then().statusCode(400)
                .contentType("application/problem+json");
        as(ADMIN).get("/api/v1/organisation?asOf=2030-01-01").then().statusCode(200)
                .body("teams.id", not(hasItem(team)));
    }

    @Test
    void aPastDayReadsTheStructureItHadAndTheSameDateReplacesItsVersion() {
        String east = unique("r-east");
        String west = unique("r-west");
        String team = unique("team");
        as(ADMIN).body(region("East", "head-a", "2030-01-01")).put("/api/v1/organisation/regions/{r}", east)
                .then().statusCode(200);
        as(ADMIN).body(region("West", "head-b", "2030-01-01")).put("/api/v1/organisation/regions/{r}", west)
                .then().statusCode(200);
        as(ADMIN).body(team(east, "mgr-1", null, "2030-01-01")).put("/api/v1/organisation/teams/{t}", team)
                .then().statusCode(200).body("version", equalTo(1));
        // the team moves west in July, and east gets a new head in April
        as(ADMIN).body(team(west, "mgr-1", null, "2030-07-01")).put("/api/v1/organisation/teams/{t}", team)
                .then().statusCode(200).body("version", equalTo(2)).body("reportsTo", equalTo("head-b"));
        as(ADMIN).body(region("East", "head-c", "2030-04-01")).put("/api/v1/organisation/regions/{r}", east)
                .then().statusCode(200);

        as(ADMIN).get("/api/v1/organisation?asOf=2030-03-31").then().statusCode(200)
                .body("teams.find { it.id == '" + team + "' }.region", equalTo(east))
                .body("teams.find { it.id == '" + team + "' }.reportsTo", equalTo("head-a"));
        as(ADMIN).get("/api/v1/organisation?asOf=2030-05-15").then().statusCode(200)
                .body("teams.find { it.id == '" + team + "' }.reportsTo", equalTo("head-c"));
        as(ADMIN).get("/api/v1/organisation?asOf=2030-07-01").then().statusCode(200)
                .body("teams.find { it.id == '" + team + "' }.region", equalTo(west))
                .body("regions.find { it.id == '" + east + "' }.teams", equalTo(List.of()))
                .body("regions.find { it.id == '" + west + "' }.teams", equalTo(List.of(team)));

        // the same date again corrects that version instead of adding one; a named superior wins over the head
        as(ADMIN).body(team(west, "mgr-2", "vp-sales", "2030-07-01")).put("/api/v1/organisation/teams/{t}", team)
                .then().statusCode(200).body("version", equalTo(3))
                .body("reportsTo", equalTo("vp-sales"))
                .body("reportsToRegionHead", equalTo(false));
        as(ADMIN).get("/api/v1/organisation?asOf=2030-08-01").then().statusCode(200)
                .body("teams.find { it.id == '" + team + "' }.managerId", equalTo("mgr-2"));
        as(ADMIN).get("/api/v1/organisation?asOf=2030-02-01").then().statusCode(200)
                .body("teams.find { it.id == '" + team + "' }.managerId", equalTo("mgr-1"));
    }

    @Test
    void aNewRegionsGoalCountsTheTeamsItHadInEachPeriodWithoutARestart() {
        // this test alone sets goals for 2033; the structure starts before today, the move is planned ahead
        String north = unique("north");
        String south = unique("south");
        String team = unique("team");
        String head = unique("head");
        as(ADMIN).body(region("North", head, "2026-01-01")).put("/api/v1/organisation/regions/{r}", north)
                .then().statusCode(200);
        as(ADMIN).body(region("South", null, "2026-01-01")).put("/api/v1/organisation/regions/{r}", south)
                .then().statusCode(200);
        as(ADMIN).body(team(north, null, null, "2026-01-01")).put("/api/v1/organisation/teams/{t}", team)
                .then().statusCode(200);
        // from 2033-Q2 on, the team is in the south
        as(ADMIN).body(team(south, null, null, "2033-04-01")).put("/api/v1/organisation/teams/{t}", team)
                .then().statusCode(200);
        String northQ1 = setGoal(ADMIN, goal("2033-Q1", "REVENUE", "REGION", north, 1_000_000, null));
        String northQ2 = setGoal(ADMIN, goal("2033-Q2", "REVENUE", "REGION", north, 1_000_000, null));
        String southQ2 = setGoal(ADMIN, goal("2033-Q2", "REVENUE", "REGION", south, 1_000_000, null));

        String rep = unique("rep");
        publish(TestEvents.won(rep, team, UUID.randomUUID(), "1000.00", LocalDate.of(2033, 2, 10), null));
        publish(TestEvents.won(rep, team, UUID.randomUUID(), "250.00", LocalDate.of(2033, 5, 20), null));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(actual(ADMIN, northQ1)).isEqualByComparingTo(new BigDecimal("1000.00"));
            assertThat(actual(ADMIN, southQ2)).isEqualByComparingTo(new BigDecimal("250.00"));
        });
        assertThat(actual(ADMIN, northQ2)).isEqualByComparingTo(BigDecimal.ZERO);

        // who sees and signs follows today's structure: the north's head, and the rep whose team is in the north today
        String headToken = TestTokens.manager(head, unique("own-team"));
        as(headToken).get("/api/v1/goals/{id}", northQ2).then().statusCode(200);
        as(headToken).post("/api/v1/goals/{id}/acknowledge", northQ2).then().statusCode(200)
                .body("acknowledgedBy", equalTo(head));
        as(headToken).get("/api/v1/goals/{id}", southQ2).then().statusCode(404);
        String repToken = TestTokens.rep(rep, team);
        as(repToken).get("/api/v1/goals/{id}", northQ1).then().statusCode(200);
        as(repToken).get("/api/v1/goals/{id}", southQ2).then().statusCode(404);
        as(repToken).post("/api/v1/goals/{id}/acknowledge", northQ1).then().statusCode(403);
    }

    static Map<String, Object> region(String name, String headId, String effectiveFrom) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("headId", headId);
        body.put("effectiveFrom", effectiveFrom);
        return body;
    }

    static Map<String, Object> team(String region, String managerId, String reportsTo, String effectiveFrom) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("region", region);
        body.put("managerId", managerId);
        body.put("reportsTo", reportsTo);
        body.put("effectiveFrom", effectiveFrom);
        return body;
    }
}
