package org.salescrm.goal.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.salescrm.goal.Api.as;
import static org.salescrm.goal.Api.number;
import static org.salescrm.goal.Api.goal;
import static org.salescrm.goal.Api.setGoal;
import static org.salescrm.goal.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.salescrm.events.Topics;
import org.salescrm.goal.TestEvents;
import org.salescrm.testsupport.Concurrently;
import org.salescrm.testsupport.TestTokens;

/** Goals as clients see them: decomposition, the rules a goal must keep, who sets, sees and signs what. */
@QuarkusTest
class GoalApiIT {

    static final String ADMIN = TestTokens.admin("admin");

    @Test
    void goalsDecomposeDownToRepsAndShowTheGap() {
        String team = unique("team");
        String manager = TestTokens.manager(unique("mgr"), team);
        String repA = unique("rep");
        String repB = unique("rep");

        String company = setGoal(ADMIN, goal("2031", "REVENUE", "COMPANY", null, 4_000_000, null));
        String quarter = setGoal(ADMIN, goal("2031-Q1", "REVENUE", "COMPANY", null, 1_000_000, company));
        String teamGoal = setGoal(ADMIN, goal("2031-Q1", "REVENUE", "TEAM", team, 400_000, quarter));
        String goalA = setGoal(manager, goal("2031-Q1", "REVENUE", "REP", repA, 150_000, teamGoal));
        as(manager).body(goal("2031-01", "REVENUE", "REP", repB, 200_000, teamGoal)).post("/api/v1/goals")
                .then().statusCode(201)
                .body("ownerId", equalTo(repB))
                .body("ownerTeam", equalTo(team))
                .body("periodStart", equalTo("2031-01-01"))
                .body("periodEnd", equalTo("2031-01-31"))
                .body("childrenTotal", number("0"))
                .body("decompositionGap", number("200000"));

        as(manager).get("/api/v1/goals/{id}", teamGoal).then().statusCode(200)
                .body("scope.level", equalTo("TEAM"))
                .body("scope.id", equalTo(team))
                .body("childrenTotal", number("350000"))
                .body("decompositionGap", number("50000"));
        setGoal(manager, goal("2031-03", "REVENUE", "REP", unique("rep"), 20_000, teamGoal));
        as(manager).get("/api/v1/goals/{id}", teamGoal).then().statusCode(200)
                .body("childrenTotal", number("370000"))
                .body("decompositionGap", number("30000"));
        as(ADMIN).get("/api/v1/goals/{id}", quarter).then().statusCode(200)
                .body("scope.id", equalTo("company"))
                .body("parentId", equalTo(company))
                .body("childrenTotal", number("400000"))
                .body("decompositionGap", number("600000"));
        // children adding up to more than the target leave no gap
        setGoal(ADMIN, goal("2031-Q2", "REVENUE", "COMPANY", null, 3_500_000, company));
        as(ADMIN).get("/api/v1/goals/{id}", company).then().statusCode(200)
                .body("childrenTotal", number("4500000"))
                .body("decompositionGap", number("0"));

        as(manager).body(goal("2031-Q1", "REVENUE", "REP", repA, 1, teamGoal)).post("/api/v1/goals")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("existingGoalId", equalTo(goalA));
        // a retried create with its Idempotency-Key gets the first answer's goal, not a 409
        String repC = unique("rep");
        String goalC = as(manager).header("Idempotency-Key", "set-" + repC)
                .body(goal("2031-Q1", "REVENUE", "REP", repC, 10, teamGoal)).post("/api/v1/goals")
                .then().statusCode(201).extract().path("id");
        as(manager).header("Idempotency-Key", "set-" + repC)
                .body(goal("2031-Q1", "REVENUE", "REP", repC, 10, teamGoal)).post("/api/v1/goals")
                .then().statusCode(200).body("id", equalTo(goalC));
        as(manager).get("/api/v1/goals?period=2031-Q1&level=REP&scopeId=" + repA).then().statusCode(200)
                .body("items.id", equalTo(List.of(goalA)));
    }

    @Test
    void twoManagersRacingToSetTheSameGoalGetOneGoalAndAConflict() throws Exception {
        String team = unique("team");
        for (int round = 0; round < 3; round++) {
            Map<String, Object> body = goal("2031-0" + (round + 4), "WON_DEALS", "TEAM", team, 12, null);
            List<Response> answers = Concurrently.run(2,
                    () -> as(TestTokens.manager(unique("mgr"), team)).body(body).post("/api/v1/goals"));

            assertThat(answers).extracting(Response::statusCode)
                    .containsExactlyInAnyOrder(201, 409);
            String created = answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow()
                    .path("id");
            assertThat(answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow()
                    .<String>path("existingGoalId")).isEqualTo(created);
        }
    }

    @Test
    void malformedOrRuleBreakingGoalsAreRefusedNamingTheField() {
        String team = unique("team");
        String manager = TestTokens.manager(unique("mgr"), team);
        String parent = setGoal(ADMIN, goal("2031-Q3", "NEW_CUSTOMERS", "TEAM", team, 30, null));

        refused(goal("2026-Q5", "REVENUE", "TEAM", team, 1, null), 422, "period");
        refused(goal("2026-W54", "REVENUE", "TEAM", team, 1, null), 422, "period");
        refused(goal("2026-13", "REVENUE", "TEAM", team, 1, null), 422, "period");
        refused(goal("2031-Q3", "REVENUE", "TEAM", team, -1, null), 422, "target");
        refused(goal("2031-Q3", "REVENUE", "TEAM", team, null, null), 422, "target");
        refused(goal("2031-Q3", "REVENUE", "REP", null, 5, null), 422, "scope.id");
        refused(goal("2031-Q3", "PROFIT", "TEAM", team, 1, null), 422, "metric");
        refused(goal("2031-07", "VISITS", "REP", unique("rep"), 8, parent), 422, "metric");
        refused(goal("2031-10", "NEW_CUSTOMERS", "REP", unique("rep"), 8, parent), 422, "period");
        refused(goal("2031", "NEW_CUSTOMERS", "REP", unique("rep"), 8, parent), 422, "period");
        Map<String, Object> withOwner = goal("2031-Q3", "REVENUE", "TEAM", team, 1, null);
        withOwner.put("ownerId", "someone");
        refused(withOwner, 400, "ownerId");

        as(manager).body(goal("2031-08", "NEW_CUSTOMERS", "REP", unique("rep"), 8, parent)).post("/api/v1/goals")
                .then().statusCode(201);
    }

    private static void refused(Map<String, Object> body, int status, String field) {
        as(ADMIN).body(body).post("/api/v1/goals").then().statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void onlyManagersWithinTheirTeamAndAdminsSetGoals() {
        String team = unique("team");
        String other = unique("team");
        String manager = TestTokens.manager(unique("mgr"), team);
        String rep = TestTokens.rep(unique("rep"), team);

        as(rep).body(goal("2031-Q4", "VISITS", "TEAM", team, 100, null)).post("/api/v1/goals")
                .then().statusCode(403).contentType("application/problem+json");
        as(manager).body(goal("2031-Q4", "VISITS", "TEAM", other, 100, null)).post("/api/v1/goals")
                .then().statusCode(403).contentType("application/problem+json");
        as(manager).body(goal("2031-Q4", "VISITS", "COMPANY", null, 100, null)).post("/api/v1/goals")
                .then().statusCode(403);
        Map<String, Object> repOfAnotherTeam = goal("2031-Q4", "VISITS", "REP", unique("rep"), 10, null);
        ((Map<String, Object>) repOfAnotherTeam.get("scope")).put("team", other);
        as(manager).body(repOfAnotherTeam).post("/api/v1/goals").then().statusCode(403);
        String otherTeamGoal = setGoal(ADMIN, goal("2031-Q4", "VISITS", "TEAM", other, 100, null));
        as(manager).body(goal("2031-10", "VISITS", "REP", unique("rep"), 10, otherTeamGoal)).post("/api/v1/goals")
                .then().statusCode(422).body("errors.field", hasItem("parentId"));

        as(manager).body(goal("2031-Q4", "VISITS", "TEAM", team, 100, null)).post("/api/v1/goals")
                .then().statusCode(201).header("Location", notNullValue());
    }

    @Test
    void repsSeeTheirOwnGoalsAndThoseAboveThemOnly() {
        String team = unique("team");
        String other = unique("team");
        String repA = unique("rep");
        String repB = unique("rep");
        String tokenA = TestTokens.rep(repA, team);
        String tokenB = TestTokens.rep(repB, team);
        String manager = TestTokens.manager(unique("mgr"), team);
        String otherManager = TestTokens.manager(unique("mgr"), other);
        String outsider = TestTokens.rep(unique("rep"), other);

        String company = setGoal(ADMIN, goal("2032-W10", "EFFECTIVE_VISITS", "COMPANY", null, 500, null));
        String teamGoal = setGoal(ADMIN, goal("2032-W10", "EFFECTIVE_VISITS", "TEAM", team, 50, company));
        String goalA = setGoal(manager, goal("2032-W10", "EFFECTIVE_VISITS", "REP", repA, 20, teamGoal));
        String goalB = setGoal(manager, goal("2032-W10", "EFFECTIVE_VISITS", "REP", repB, 20, teamGoal));

        for (String visible : List.of(company, teamGoal, goalA)) {
            as(tokenA).get("/api/v1/goals/{id}", visible).then().statusCode(200);
        }
        as(tokenA).get("/api/v1/goals/{id}", goalB).then().statusCode(404)
                .contentType("application/problem+json");
        as(tokenA).get("/api/v1/goals/{id}/progress", goalB).then().statusCode(404);
        as(outsider).get("/api/v1/goals/{id}", teamGoal).then().statusCode(404);
        as(otherManager).get("/api/v1/goals/{id}", goalA).then().statusCode(404);
        as(manager).get("/api/v1/goals/{id}", goalB).then().statusCode(200);

        as(tokenA).get("/api/v1/goals?period=2032-W10&metric=EFFECTIVE_VISITS").then().statusCode(200)
                .body("items.id", hasItem(goalA))
                .body("items.id", hasItem(teamGoal))
                .body("items.id", hasItem(company))
                .body("items.id", not(hasItem(goalB)));
        as(outsider).get("/api/v1/goals?period=2032-W10&metric=EFFECTIVE_VISITS").then().statusCode(200)
                .body("items.id", not(hasItem(teamGoal)))
                .body("items.id", not(hasItem(goalA)));
        as(tokenB).get("/api/v1/goals?period=2032-W99").then().statusCode(422)
                .body("errors.field", hasItem("period"));
        as(tokenB).get("/api/v1/goals?metric=PROFIT").then().statusCode(400)
                .body("errors.field", hasItem("metric"));
        as(tokenB).get("/api/v1/goals?level=WORLD").then().statusCode(400)
                .body("errors.field", hasItem("level"));
    }

    @Test
    void adminSetsARepGoalWithLevelAndIdOnlyAndTheTeamFollowsTheRepsFirstEvent() {
        String team = unique("team");
        String rep = unique("rep");
        String manager = TestTokens.manager(unique("mgr"), team);

        // API.md: scope is level and id; nothing about this rep has been consumed yet
        String goal = setGoal(ADMIN, goal("2032-W12", "VISITS", "REP", rep, 12, null));
        as(ADMIN).get("/api/v1/goals/{id}", goal).then().statusCode(200)
                .body("scope.level", equalTo("REP")).body("scope.id", equalTo(rep))
                .body("ownerId", equalTo(rep)).body("ownerTeam", nullValue());
        as(TestTokens.rep(rep, team)).get("/api/v1/goals/{id}", goal).then().statusCode(200);
        as(TestTokens.rep(rep, team)).post("/api/v1/goals/{id}/acknowledge", goal).then().statusCode(200)
                .body("acknowledgedBy", equalTo(rep));
        as(manager).get("/api/v1/goals/{id}", goal).then().statusCode(404);

        TestEvents.publish(TestEvents.created(rep, team, LocalDate.of(2032, 3, 16)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(manager).get("/api/v1/goals/{id}", goal)
                .then().statusCode(200).body("ownerTeam", equalTo(team)));
    }

    @Test
    void onlyTheAssigneeAcknowledgesAndTheEventGoesOut() {
        ConsumerTask<String, String> goalEvents = TestEvents.kafka().consumeStrings().fromTopics(Topics.GOALS);
        String team = unique("team");
        String rep = unique("rep");
        String repToken = TestTokens.rep(rep, team);
        String manager = TestTokens.manager(unique("mgr"), team);
        String teamGoal = setGoal(ADMIN, goal("2032-W11", "VISITS", "TEAM", team, 40, null));
        String repGoal = setGoal(manager, goal("2032-W11", "VISITS", "REP", rep, 20, teamGoal));

        as(manager).post("/api/v1/goals/{id}/acknowledge", repGoal).then().statusCode(403);
        as(repToken).post("/api/v1/goals/{id}/acknowledge", teamGoal).then().statusCode(403);
        as(repToken).get("/api/v1/goals/{id}", repGoal).then().body("acknowledgedAt", nullValue());
        as(repToken).post("/api/v1/goals/{id}/acknowledge", repGoal).then().statusCode(200)
                .body("acknowledgedBy", equalTo(rep))
                .body("acknowledgedAt", notNullValue());
        as(manager).post("/api/v1/goals/{id}/acknowledge", teamGoal).then().statusCode(200)
                .body("acknowledgedBy", notNullValue());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> types = goalEvents.getRecords().stream().filter(r -> repGoal.equals(r.key()))
                    .map(ConsumerRecord::value).toList();
            assertThat(types).anySatisfy(v -> assertThat(v).contains("crm.goal.set.v1"));
            assertThat(types).anySatisfy(v -> assertThat(v).contains("crm.goal.acknowledged.v1").contains(rep));
        });
        goalEvents.close();
    }
}
