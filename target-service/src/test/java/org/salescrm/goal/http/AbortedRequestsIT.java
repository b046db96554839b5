package org.salescrm.goal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salescrm.goal.Api.as;
import static org.salescrm.goal.Api.goal;
import static org.salescrm.goal.Api.setGoal;
import static org.salescrm.goal.Api.unique;
import static org.salescrm.testsupport.http.OutboxAgreement.eventsWithoutTheirRow;
import static org.salescrm.testsupport.http.OutboxAgreement.rowsOutOfStepWithTheirEvents;
import static org.salescrm.testsupport.http.OutboxAgreement.unsentEvents;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.goal.TestEvents;
import org.salescrm.testsupport.TestTokens;
import org.salescrm.testsupport.http.AbortedWrites;
import org.salescrm.testsupport.http.ApiOperation;
import org.salescrm.testsupport.http.HangUpStorm.Request;

/**
 * Clients that hang up mid-request, on every write endpoint at once: each request commits whole or not at all,
 * its connection goes back to the pool, and the service keeps answering.
 */
@QuarkusTest
class AbortedRequestsIT {

    static final int ABORTED_WRITES = 1_000;
    static final int PER_OPERATION = ABORTED_WRITES / 4 + 1;
    static final String ADMIN = TestTokens.admin("admin");
    static final String ACTION = "{\"missReasons\":\"大客户项目推迟\",\"actions\":[{\"action\":\"拜访财务总监\","
            + "\"ownerId\":\"rep-east-1\",\"dueOn\":\"2099-01-01\",\"asFollowUp\":true,\"customerId\":\"%s\"}]}";
    static final String FOLLOW_UP_ACTIONS_WITHOUT_EVENT = "SELECT count(*) FROM review_action a WHERE a.as_follow_up"
            + " AND NOT EXISTS (SELECT 1 FROM outbox_event o WHERE o.type = 'crm.review.action-assigned.v1'"
            + " AND (CASE WHEN pg_input_is_valid(o.payload, 'jsonb') THEN o.payload::jsonb END) -> 'data' ->> 'actionId'"
            + " = a.id::text)";

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "quarkus.datasource.reactive.max-size", defaultValue = "20")
    int poolSize;

    @Inject
    Pool db;

    @Test
    void writesAbortedAtAnyPointCommitOrRollBackWholeAndReturnTheirConnections() throws Exception {
        String team = unique("team");
        String manager = TestTokens.manager(unique("mgr"), team);
        Map<String, String> asManager = Map.of("Authorization", "Bearer " + manager);
        List<String> evaluated = IntStream.range(0, 3).mapToObj(i -> unique("rep")).toList();
        evaluated.forEach(rep -> setGoal(manager, goal("2036-Q2", "REVENUE", "REP", rep, 100_000, null)));
        Queue<Request> reviews = reviewsOfEvaluations(manager, team, asManager);
        UUID customer = knownCustomer();
        Map<String, String> asAdmin = Map.of("Authorization", "Bearer " + ADMIN);
        Map<ApiOperation, Supplier<Request>> cases = Map.of(
                new ApiOperation("POST", "/api/v1/reviews"), () -> new Request("POST", "/api/v1/reviews",
                        "{\"scope\":{\"level\":\"TEAM\",\"id\":\"%s\"},\"period\":\"2036-Q2\"}"
                                .formatted(unique("team")), asAdmin),
                new ApiOperation("PATCH", "/api/v1/reviews/{id}"), AbortedWrites.prepared(PER_OPERATION, () -> {
                    String id = as(ADMIN).body(Map.of("scope", Map.of("level", "TEAM", "id", unique("team")),
                            "period", "2036-Q2")).post("/api/v1/reviews").then().statusCode(201).extract().path("id");
                    // an action assigned as a follow-up: the review, its actions and the event commit together
                    return new Request("PATCH", "/api/v1/reviews/" + id, ACTION.formatted(customer),
                            Map.of("Authorization", asAdmin.get("Authorization"), "If-Match", "0"));
                }),
                new ApiOperation("POST", "/api/v1/goals"), () -> new Request("POST", "/api/v1/goals",
                        "{\"period\":\"2036-Q1\",\"metric\":\"VISITS\",\"scope\":{\"level\":\"REP\",\"id\":\"%s\"},\"target\":30}"
                                .formatted(unique("rep")), asManager),
                new ApiOperation("POST", "/api/v1/goals/{id}/acknowledge"), AbortedWrites.prepared(PER_OPERATION, () -> {
                    String rep = unique("rep");
                    String id = setGoal(manager, goal("2036-Q1", "VISITS", "REP", rep, 20, null));
                    return new Request("POST", "/api/v1/goals/" + id + "/acknowledge", null,
                            Map.of("Authorization", "Bearer " + TestTokens.rep(rep, team)));
                }),
                new ApiOperation("POST", "/api/v1/evaluations/runs"), () -> new Request("POST", "/api/v1/evaluations/runs",
                        "{\"period\":\"2036-Q2\"}", asManager),
                new ApiOperation("PATCH", "/api/v1/evaluations/{id}"), reviews::remove,
                new ApiOperation("PUT", "/api/v1/organisation/regions/{region}"), () -> new Request("PUT",
                        "/api/v1/organisation/regions/" + unique("region"),
                        "{\"name\":\"华北区\",\"headId\":\"head-north\",\"effectiveFrom\":\"2036-01-01\"}", asAdmin),
                new ApiOperation("PUT", "/api/v1/organisation/teams/{team}"), () -> new Request("PUT",
                        "/api/v1/organisation/teams/" + unique("team"),
                        "{\"region\":\"east\",\"managerId\":\"mgr-north\",\"effectiveFrom\":\"2036-01-01\"}", asAdmin));

        AbortedWrites.Outcome outcome =
                AbortedWrites.hangUpOnEveryWrite("target-service", base, db, poolSize, cases, ABORTED_WRITES);

        assertThat(outcome.stuckConnections()).as("connections never given back").isZero();
        setGoal(manager, goal("2036-Q1", "VISITS", "TEAM", team, 100, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(unsentEvents()) == 0);
        assertThat(count(rowsOutOfStepWithTheirEvents("goal"))).as("goals out of step with their events").isZero();
        assertThat(count(eventsWithoutTheirRow("goal", "crm.goal."))).as("goal events without a goal").isZero();
        assertThat(count(eventsWithoutTheirRow("evaluation", "crm.evaluation."))).as("evaluation events without one").isZero();
        assertThat(count(eventsWithoutTheirRow("review", "crm.review."))).as("review events without a review").isZero();
        assertThat(count(FOLLOW_UP_ACTIONS_WITHOUT_EVENT)).as("follow-up actions without their event").isZero();
        assertThat(count(organisationOutOfStep("org_region", "region", "crm.region.changed.v1")))
                .as("region versions and their events out of step").isZero();
        assertThat(count(organisationOutOfStep("org_team", "team", "crm.team.changed.v1")))
                .as("team versions and their events out of step").isZero();
    }

    /** A customer this service has heard of, whom an action may name. */
    private UUID knownCustomer() {
        CustomerCreated created = TestEvents.created("rep-east-1", "east", LocalDate.of(2036, 1, 5));
        TestEvents.publish(created);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM customer_owner WHERE customer_id = '"
                + created.aggregateId() + "'") == 1);
        return created.aggregateId();
    }

    /** One evaluation per rep of the team with a REP goal in 2036-Q3, each reviewed by the manager once. */
    private static Queue<Request> reviewsOfEvaluations(String manager, String team, Map<String, String> asManager) {
        IntStream.range(0, PER_OPERATION).parallel()
                .forEach(i -> setGoal(manager, goal("2036-Q3", "REVENUE", "REP", unique("rep"), 50_000, null)));
        as(manager).body(Map.of("period", "2036-Q3")).post("/api/v1/evaluations/runs").then().statusCode(200);
        Queue<Request> reviews = new ConcurrentLinkedQueue<>();
        String cursor = null;
        do {
            var page = as(manager).queryParam("period", "2036-Q3").queryParam("limit", 200)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/api/v1/evaluations").then().statusCode(200).extract();
            List<Map<String, Object>> items = page.path("items");
            items.forEach(item -> reviews.add(new Request("PATCH", "/api/v1/evaluations/" + item.get("id"),
                    "{\"improvementPlan\":\"每周拜访 A 类客户两次\"}",
                    Map.of("Authorization", asManager.get("Authorization"), "If-Match", String.valueOf(item.get("version"))))));
            cursor = page.path("next");
        } while (cursor != null);
        assertThat(reviews).as("evaluations of " + team).hasSize(PER_OPERATION);
        return reviews;
    }

    /** Versions of regions or teams without the event of their write, plus such events without their version. */
    private static String organisationOutOfStep(String table, String code, String type) {
        String event = "(SELECT (CASE WHEN pg_input_is_valid(o.payload, 'jsonb') THEN o.payload::jsonb END) -> 'data' AS d"
                + " FROM outbox_event o WHERE o.type = '" + type + "')";
        return "SELECT (SELECT count(*) FROM " + table + " v WHERE NOT EXISTS (SELECT 1 FROM " + event + " e"
                + " WHERE e.d ->> '" + code + "' = v." + code + " AND (e.d ->> 'aggregateVersion')::bigint = v.version))"
                + " + (SELECT count(*) FROM " + event + " e WHERE NOT EXISTS (SELECT 1 FROM " + table + " v"
                + " WHERE e.d ->> '" + code + "' = v." + code + " AND e.d ->> 'effectiveFrom' = v.effective_from::text))";
    }

    private long count(String sql) {
        return db.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }
}
