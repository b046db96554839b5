package org.salescrm.goal.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.salescrm.goal.Api.as;
import static org.salescrm.goal.Api.number;
import static org.salescrm.goal.Api.goal;
import static org.salescrm.goal.Api.setGoal;
import static org.salescrm.goal.Api.unique;
import static org.salescrm.goal.TestEvents.SHANGHAI;
import static org.salescrm.goal.TestEvents.publish;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.Topics;
import org.salescrm.goal.TestEvents;
import org.salescrm.testsupport.TestTokens;

/** Evaluation runs over real events: DOMAIN.md's worked examples, re-runs, who reads and who writes what. */
@QuarkusTest
class EvaluationIT {

    static final String ADMIN = TestTokens.admin("admin");

    @Inject
    Pool db;

    /**
     * Builds a rep's period (2035-Q2, previous period 2035-Q1) out of events: {@code retainedOf}
     * customers won in Q1 of which {@code retained} are visited in Q2, one deal of {@code revenue}
     * won in Q2, and {@code newCustomers} customers created in Q2. Answers how many facts that makes.
     */
    private static int workedExample(String rep, String team, int retainedOf, int retained, String revenue,
                                     int newCustomers) {
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < retainedOf; i++) {
            UUID customer = UUID.randomUUID();
            events.add(TestEvents.won(rep, team, customer, "1000", LocalDate.of(2035, 2, 1 + i), null));
            if (i < retained) {
                events.add(TestEvents.visit(rep, team, customer,
                        LocalDate.of(2035, 5, 1 + i).atTime(10, 0).atZone(SHANGHAI).toInstant(), true));
            }
        }
        events.add(TestEvents.won(rep, team, UUID.randomUUID(), revenue, LocalDate.of(2035, 6, 20), null));
        for (int i = 0; i < newCustomers; i++) {
            events.add(TestEvents.created(rep, team, LocalDate.of(2035, 4, 1 + i)));
        }
        publish(events.toArray(DomainEvent[]::new));
        return retainedOf * 2 + retained * 2 + 2 + newCustomers;
    }

    @Test
    void workedExamplesGetTheDocumentedScoreAndGradeAndAReRunUpdatesInPlace() {
        ConsumerTask<String, String> goalTopic = TestEvents.kafka().consumeStrings().fromTopics(Topics.GOALS);
        String team = unique("team");
        String manager = TestTokens.manager(unique("mgr"), team);
        String star = unique("rep");
        String struggling = unique("rep");
        setGoal(manager, goal("2035-Q2", "REVENUE", "REP", star, 300_000, null));
        setGoal(manager, goal("2035-Q2", "REVENUE", "REP", struggling, 250_000, null));
        int starFacts = workedExample(star, team, 10, 9, "330000", 10);
        int strugglingFacts = workedExample(struggling, team, 4, 3, "200000", 6);
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            assertThat(facts(star)).isEqualTo(starFacts);
            assertThat(facts(struggling)).isEqualTo(strugglingFacts);
        });

        as(manager).body(Map.of("period", "2035-Q2")).post("/api/v1/evaluations/runs").then().statusCode(200)
                .body("evaluated", equalTo(2));

        String starId = evaluationOf(manager, star)
                .body("targetRevenue", number("300000"))
                .body("actualRevenue", number("330000"))
                .body("achievementRate", number("1.1"))
                .body("newCustomers", equalTo(10))
                .body("retentionRate", number("0.9"))
                .body("score", number("92"))
                .body("grade", equalTo("EXCELLENT"))
                .extract().path("items[0].id");
        evaluationOf(manager, struggling)
                .body("achievementRate", number("0.8"))
                .body("newCustomers", equalTo(6))
                .body("retentionRate", number("0.75"))
                .body("score", number("75"))
                .body("grade", equalTo("NEEDS_IMPROVEMENT"));

        // another deal and a second run: the same evaluation, updated
        publish(TestEvents.won(star, team, UUID.randomUUID(), "30000", LocalDate.of(2035, 6, 21), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(star) == starFacts + 2);
        as(ADMIN).body(Map.of("period", "2035-Q2")).post("/api/v1/evaluations/runs").then().statusCode(200);
        as(manager).get("/api/v1/evaluations?period=2035-Q2&repId=" + star).then().statusCode(200)
                .body("items.id", equalTo(List.of(starId)))
                .body("items[0].actualRevenue", number("360000"))
                .body("items[0].score", number("96"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(goalTopic.getRecords().stream()
                .filter(r -> starId.equals(r.key()) && r.value().contains("crm.evaluation.published.v1")))
                .hasSize(2));
        goalTopic.close();
    }

    @Test
    void evaluationsAreReadWithinReachAndReviewedTwoWays() {
        String team = unique("team");
        String other = unique("team");
        String rep = unique("rep");
        String repToken = TestTokens.rep(rep, team);
        String manager = TestTokens.manager(unique("mgr"), team);
        setGoal(manager, goal("2035-11", "NEW_CUSTOMERS", "REP", rep, 5, null));
        publish(TestEvents.created(rep, team, LocalDate.of(2035, 11, 3)));
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(rep) == 1);

        as(repToken).body(Map.of("period", "2035-11")).post("/api/v1/evaluations/runs").then().statusCode(403);
        as(manager).body(Map.of("period", "2035-13")).post("/api/v1/evaluations/runs").then().statusCode(422)
                .body("errors.field", hasItem("period"));
        as(TestTokens.manager(unique("mgr"), other)).body(Map.of("period", "2035-11"))
                .post("/api/v1/evaluations/runs").then().statusCode(200).body("evaluated", equalTo(0));
        as(manager).body(Map.of("period", "2035-11")).post("/api/v1/evaluations/runs").then().statusCode(200)
                .body("evaluated", equalTo(1));
        String id = evaluationOf(repToken, rep)
                .body("targetRevenue", equalTo(null))
                .body("retentionRate", equalTo(null))
                // new customers alone carry the score: 1 of 6
                .body("score", number("17"))
                .extract().path("items[0].id");

        for (String outsider : List.of(TestTokens.rep(unique("rep"), other), TestTokens.manager(unique("mgr"), other),
                TestTokens.rep(unique("rep"), team))) {
            as(outsider).get("/api/v1/evaluations/{id}", id).then().statusCode(404);
            as(outsider).get("/api/v1/evaluations?repId=" + rep).then().statusCode(200).body("items", empty());
            as(outsider).header("If-Match", "0").body(Map.of("repFeedback", "x"))
                    .patch("/api/v1/evaluations/{id}", id).then().statusCode(404);
        }

        long version = ((Number) as(manager).get("/api/v1/evaluations/{id}", id).then().extract().path("version"))
                .longValue();
        as(manager).header("If-Match", version).body(Map.of("repFeedback", "我来替他写"))
                .patch("/api/v1/evaluations/{id}", id).then().statusCode(403);
        as(repToken).header("If-Match", version).body(Map.of("improvementPlan", "不需要"))
                .patch("/api/v1/evaluations/{id}", id).then().statusCode(403);
        as(manager).body(Map.of("improvementPlan", "每周新增两家客户")).patch("/api/v1/evaluations/{id}", id)
                .then().statusCode(428);
        as(manager).header("If-Match", version).body(Map.of("score", 100)).patch("/api/v1/evaluations/{id}", id)
                .then().statusCode(400);
        as(manager).header("If-Match", version)
                .body(Map.of("improvementPlan", "每周新增两家客户", "managerComment", "开局不错"))
                .patch("/api/v1/evaluations/{id}", id).then().statusCode(200)
                .body("improvementPlan", equalTo("每周新增两家客户"));
        as(repToken).header("If-Match", version).body(Map.of("repFeedback", "收到"))
                .patch("/api/v1/evaluations/{id}", id).then().statusCode(412);
        as(repToken).header("If-Match", version + 1).body(Map.of("repFeedback", "收到，会加强拜访"))
                .patch("/api/v1/evaluations/{id}", id).then().statusCode(200)
                .body("repFeedback", equalTo("收到，会加强拜访"))
                .body("improvementPlan", equalTo("每周新增两家客户"))
                .body("managerComment", equalTo("开局不错"));
    }

    private static ValidatableResponse evaluationOf(String token, String rep) {
        return as(token).get("/api/v1/evaluations?repId=" + rep).then().statusCode(200)
                .body("items.size()", equalTo(1))
                .root("items[0]")
                .body("repId", equalTo(rep));
    }

    private int facts(String rep) {
        return db.preparedQuery("SELECT count(*) FROM actual_fact WHERE rep_id = $1").execute(Tuple.of(rep))
                .await().indefinitely().iterator().next().getInteger(0);
    }
}
