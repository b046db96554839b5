package org.salescrm.goal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.salescrm.goal.Api.as;
import static org.salescrm.goal.Api.setGoal;
import static org.salescrm.goal.Api.withTeam;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.goal.Api;
import org.salescrm.testsupport.TestTokens;
import org.salescrm.testsupport.http.ApiOperation;
import org.salescrm.testsupport.sweep.BadInputSweep;
import org.salescrm.testsupport.sweep.CrossOwnerSweep;
import org.salescrm.testsupport.sweep.PathParameters;
import org.salescrm.testsupport.sweep.SweepOrganisation;

/**
 * The generated sweeps over every operation of target-service's OpenAPI document: asked by each rep and
 * manager who may not reach a rep's goal, review and evaluation, each answers as for a record that does
 * not exist and no list carries them; and input each must refuse is refused as problem+json naming the
 * field, never a 5xx, with nothing written.
 */
@QuarkusTest
class ApiSweepIT {

    static final String PERIOD = "2036-Q2";

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool db;

    final SweepOrganisation org = new SweepOrganisation("sweep-" + UUID.randomUUID().toString().substring(0, 8));

    @Test
    void aRecordOutOfReachAnswersAsOneThatDoesNotExist() {
        Records records = Records.create(org);

        CrossOwnerSweep.Result result = new CrossOwnerSweep(URI.create(base.toString()), org, records).run();

        System.out.println(result.summary("target-service"));
        assertThat(result.leaks()).isEmpty();
        assertThat(result.notSwept()).isEmpty();
        assertThat(result.swept()).isEqualTo(result.operations());
        // Nothing an outsider sent changed the owner's records, or the organisation.
        assertThat(count("SELECT count(*) FROM org_team WHERE team = '" + org.ownerTeam() + "'")).isZero();
        as(org.ownerToken()).get("/api/v1/goals/" + records.goal).then().statusCode(200)
                .body("acknowledgedAt", nullValue()).body("version", equalTo(records.goalVersion));
        as(org.managerToken(0)).get("/api/v1/reviews/" + records.review).then().statusCode(200)
                .body("missReasons", equalTo(Records.MISS_REASONS)).body("version", equalTo(records.reviewVersion));
        as(org.managerToken(0)).get("/api/v1/evaluations/" + records.evaluation).then().statusCode(200)
                .body("managerComment", nullValue()).body("version", equalTo(records.evaluationVersion));
        assertThat(count("SELECT count(*) FROM review WHERE scope_id = '" + org.owner() + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM goal WHERE scope_id = '" + org.owner() + "'")).isEqualTo(1);
    }

    @Test
    void inputThatBreaksARuleIsRefusedNamingTheFieldAndWritesNothing() {
        Records records = Records.create(org);
        String manager = org.managerToken(0);

        BadInputSweep.Result result = new BadInputSweep(URI.create(base.toString()), new BadInputSweep.Fixture() {
            @Override
            public Map<String, String> pathParameters(ApiOperation operation) {
                return records.pathParameters(operation);
            }

            /** A valid body of each operation, for the owner's manager, who may make them all. */
            @Override
            @SuppressWarnings("unchecked")
            public Map<String, Object> validBody(ApiOperation operation) {
                return switch (operation.toString()) {
                    case "POST /api/v1/goals" -> withTeam(Api.goal("2036-05", "REVENUE", "REP", org.owner(), 100_000,
                            records.goal), org.ownerTeam());
                    case "POST /api/v1/reviews" -> Map.of("scope", Map.of("level", "REP", "id", org.owner(),
                            "team", org.ownerTeam()), "period", "2036-05");
                    // With an action, so that the fields of a list's items are swept too.
                    case "PATCH /api/v1/reviews/{id}" -> Map.of("missReasons", "外人改的", "actions", List.of(
                            Map.of("action", "拜访采购总监", "ownerId", org.owner(), "dueOn", "2036-06-15",
                                    "asFollowUp", false, "done", false)));
                    default -> records.body(operation) instanceof Map<?, ?> body ? (Map<String, Object>) body : null;
                };
            }

            /** The organisation is an admin's to change; everything else the owner's manager may do. */
            @Override
            public String token(ApiOperation operation) {
                return operation.toString().startsWith("PUT /api/v1/organisation/") ? org.adminToken() : manager;
            }

            /** A leaderboard is of a period: without one, every other value's fault would hide behind its absence. */
            @Override
            public Map<String, String> validQuery(ApiOperation operation) {
                return operation.toString().equals("GET /api/v1/leaderboards") ? Map.of("period", PERIOD) : Map.of();
            }

            @Override
            public long writes() {
                return count("SELECT (SELECT count(*) FROM goal) + (SELECT count(*) FROM review)"
                        + " + (SELECT count(*) FROM review_action) + (SELECT count(*) FROM evaluation)"
                        + " + (SELECT count(*) FROM outbox_event) + (SELECT count(*) FROM idempotency_key)"
                        + " + (SELECT coalesce(sum(version), 0) FROM goal WHERE owner_team = '" + org.ownerTeam() + "')"
                        + " + (SELECT coalesce(sum(version), 0) FROM review WHERE owner_team = '" + org.ownerTeam() + "')"
                        + " + (SELECT coalesce(sum(version), 0) FROM evaluation WHERE owner_team = '" + org.ownerTeam() + "')"
                        + " + (SELECT count(*) + coalesce(sum(version), 0) FROM org_region)"
                        + " + (SELECT count(*) + coalesce(sum(version), 0) FROM org_team)");
            }
        }).run();

        System.out.println(result.summary("target-service"));
        assertThat(result.failures()).isEmpty();
        assertThat(result.swept()).isEqualTo(result.operations());
    }

    private long count(String sql) {
        return db.query(sql).execute().await().atMost(java.time.Duration.ofSeconds(30)).iterator().next()
                .getNumeric(0).longValue();
    }

    /**
     * The owner's goal for the quarter (under their team's year goal), the review of it their manager
     * opened, and the evaluation a run made of it.
     */
    record Records(SweepOrganisation org, String teamGoal, String goal, int goalVersion, String review,
                   int reviewVersion, String evaluation, int evaluationVersion) implements CrossOwnerSweep.Fixture {

        static final String MISS_REASONS = "大客户预算推迟到下季度";
        /** The seed's region: the organisation's writes are aimed at it, and at the owner's team. */
        static final String REGION = "east";

        static Records create(SweepOrganisation org) {
            String manager = org.managerToken(0);
            String teamGoal = setGoal(manager, Api.goal("2036", "REVENUE", "TEAM", org.ownerTeam(), 2_000_000, null));
            String goal = setGoal(manager, withTeam(Api.goal(PERIOD, "REVENUE", "REP", org.owner(), 300_000, teamGoal),
                    org.ownerTeam()));
            int goalVersion = as(org.ownerToken()).get("/api/v1/goals/" + goal).then().statusCode(200).extract()
                    .path("version");
            String review = as(manager).body(Map.of("scope", Map.of("level", "REP", "id", org.owner(), "team",
                    org.ownerTeam()), "period", PERIOD)).post("/api/v1/reviews").then().statusCode(201).extract()
                    .path("id");
            int reviewVersion = as(manager).header("If-Match", "0").body(Map.of("missReasons", MISS_REASONS))
                    .patch("/api/v1/reviews/" + review).then().statusCode(200).extract().path("version");
            as(manager).body(Map.of("period", PERIOD)).post("/api/v1/evaluations/runs").then().statusCode(200)
                    .body("evaluated", equalTo(1));
            var evaluation = as(manager).get("/api/v1/evaluations?repId=" + org.owner()).then().statusCode(200)
                    .extract();
            return new Records(org, teamGoal, goal, goalVersion, review, reviewVersion,
                    evaluation.path("items[0].id"), evaluation.path("items[0].version"));
        }

        /** The team's goal is not here: the owner's teammates may read it. */
        @Override
        public Set<String> ownersRecords() {
            return Set.of(goal, review, evaluation);
        }

        /** Each path parameter is the owner's record of the kind the segment before it names. */
        @Override
        public Map<String, String> pathParameters(ApiOperation operation) {
            return PathParameters.bySegment(operation, Map.of(
                    "goals", goal,
                    "reviews", review,
                    "evaluations", evaluation,
                    "regions", REGION,
                    "teams", org.ownerTeam()));
        }

        @Override
        public Object body(ApiOperation operation) {
            return switch (operation.toString()) {
                case "POST /api/v1/goals" -> withTeam(Api.goal("2036-05", "REVENUE", "REP", org.owner(), 1, goal),
                        org.ownerTeam());
                case "POST /api/v1/reviews" -> Map.of("scope", Map.of("level", "REP", "id", org.owner(), "team",
                        org.ownerTeam()), "period", "2036-05");
                case "PATCH /api/v1/reviews/{id}" -> Map.of("missReasons", "外人改的");
                case "PATCH /api/v1/evaluations/{id}" -> Map.of("managerComment", "外人改的");
                case "POST /api/v1/evaluations/runs" -> Map.of("period", PERIOD);
                case "PUT /api/v1/organisation/regions/{region}" -> Map.of("name", "华东区", "headId", org.manager(1),
                        "effectiveFrom", "2036-01-01");
                case "PUT /api/v1/organisation/teams/{team}" -> Map.of("region", REGION, "managerId", org.manager(0),
                        "effectiveFrom", "2036-01-01");
                default -> null;
            };
        }

        @Override
        public List<Map<String, String>> queries(ApiOperation operation) {
            return switch (operation.toString()) {
                case "GET /api/v1/goals" -> List.of(Map.of("limit", "200"), Map.of("scopeId", org.owner()),
                        Map.of("period", PERIOD, "level", "REP", "limit", "200"));
                case "GET /api/v1/reviews" -> List.of(Map.of("limit", "200"), Map.of("scopeId", org.owner()),
                        Map.of("period", PERIOD, "level", "REP"));
                case "GET /api/v1/evaluations" -> List.of(Map.of("limit", "200"), Map.of("repId", org.owner()),
                        Map.of("period", PERIOD));
                case "GET /api/v1/organisation" -> List.of(Map.of(), Map.of("asOf", "2036-06-30"));
                case "GET /api/v1/leaderboards" -> List.of(Map.of(), Map.of("team", org.ownerTeam()),
                        Map.of("period", PERIOD, "team", org.ownerTeam()));
                default -> List.of(Map.of());
            };
        }

        @Override
        public Map<String, String> headers(ApiOperation operation) {
            return switch (operation.toString()) {
                case "PATCH /api/v1/reviews/{id}" -> Map.of("If-Match", Integer.toString(reviewVersion));
                case "PATCH /api/v1/evaluations/{id}" -> Map.of("If-Match", Integer.toString(evaluationVersion));
                default -> Map.of();
            };
        }
    }
}
