package org.salescrm.visit.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.testsupport.http.ApiOperation;
import org.salescrm.testsupport.sweep.BadInputSweep;
import org.salescrm.testsupport.sweep.CrossOwnerSweep;
import org.salescrm.testsupport.sweep.PathParameters;
import org.salescrm.testsupport.sweep.SweepOrganisation;
import org.salescrm.visit.Fixtures;

/**
 * The generated sweeps over every operation of visit-service's OpenAPI document: asked by each rep and
 * manager who may not reach a rep's customer, visit, follow-up and plan, each answers as for a record
 * that does not exist and no list carries them; and input each must refuse is refused as problem+json
 * naming the field, never a 5xx, with nothing written.
 */
@QuarkusTest
class ApiSweepIT {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool db;

    final SweepOrganisation org = new SweepOrganisation("sweep-" + UUID.randomUUID().toString().substring(0, 8));

    @Test
    void aRecordOutOfReachAnswersAsOneThatDoesNotExist() {
        UUID customer = Fixtures.customerOf(db, org.owner(), org.ownerTeam());
        Records records = Records.create(org, customer.toString(),
                Fixtures.opportunityOf(db, customer, org.owner(), org.ownerTeam()).toString(),
                Fixtures.keyPersonOf(db, customer).toString());

        CrossOwnerSweep.Result result = new CrossOwnerSweep(URI.create(base.toString()), org, records).run();

        System.out.println(result.summary("visit-service"));
        assertThat(result.leaks()).isEmpty();
        assertThat(result.notSwept()).isEmpty();
        assertThat(result.swept()).isEqualTo(result.operations());
        // Nothing an outsider sent changed the owner's records.
        given().auth().oauth2(org.ownerToken()).get("/api/v1/visits/" + records.visit).then().statusCode(200)
                .body("summary", equalTo(Records.SUMMARY)).body("version", equalTo(records.visitVersion));
        given().auth().oauth2(org.ownerToken()).get("/api/v1/follow-ups/" + records.followUp).then().statusCode(200)
                .body("status", equalTo("OPEN"));
        given().auth().oauth2(org.ownerToken()).get("/api/v1/visit-plans/" + records.today).then().statusCode(200)
                .body("customerIds", equalTo(List.of(records.customer)));
    }

    @Test
    void inputThatBreaksARuleIsRefusedNamingTheFieldAndWritesNothing() {
        UUID customer = Fixtures.customerOf(db, org.owner(), org.ownerTeam());
        Records records = Records.create(org, customer.toString(),
                Fixtures.opportunityOf(db, customer, org.owner(), org.ownerTeam()).toString(),
                Fixtures.keyPersonOf(db, customer).toString());

        BadInputSweep.Result result = new BadInputSweep(URI.create(base.toString()), new BadInputSweep.Fixture() {
            @Override
            public Map<String, String> pathParameters(ApiOperation operation) {
                return records.pathParameters(operation);
            }

            /** A visit with its nested location and next action, so that their fields are swept too. */
            @Override
            @SuppressWarnings("unchecked")
            public Map<String, Object> validBody(ApiOperation operation) {
                if (operation.toString().equals("POST /api/v1/visits")) {
                    Map<String, Object> visit = Records.visitBody(customer.toString(), records.opportunity(),
                            records.keyPerson());
                    visit.put("location", Map.of("lat", 31.23, "lon", 121.47, "accuracyMeters", 12,
                            "address", "上海市浦东新区"));
                    visit.put("nextAction", Map.of("action", "送报价", "dueOn", records.today()));
                    return visit;
                }
                return records.body(operation) instanceof Map<?, ?> body ? (Map<String, Object>) body : null;
            }

            @Override
            public String token(ApiOperation operation) {
                return org.ownerToken();
            }

            @Override
            public long writes() {
                return count("SELECT (SELECT count(*) FROM visit) + (SELECT count(*) FROM follow_up)"
                        + " + (SELECT count(*) FROM visit_plan) + (SELECT count(*) FROM visit_plan_change)"
                        + " + (SELECT count(*) FROM visit_correction) + (SELECT count(*) FROM outbox_event)"
                        + " + (SELECT coalesce(sum(version), 0) FROM visit) + (SELECT coalesce(sum(version), 0) FROM follow_up)");
            }
        }).run();

        System.out.println(result.summary("visit-service"));
        assertThat(result.failures()).isEmpty();
        assertThat(result.swept()).isEqualTo(result.operations());
    }

    private long count(String sql) {
        return db.query(sql).execute().await().atMost(java.time.Duration.ofSeconds(30)).iterator().next()
                .getNumeric(0).longValue();
    }

    /**
     * The owner's customer (as the replica knows it), a visit naming an opportunity and a key person
     * of it, a follow-up and today's plan.
     */
    record Records(SweepOrganisation org, String customer, String opportunity, String keyPerson, String visit,
                   int visitVersion, String followUp, String today) implements CrossOwnerSweep.Fixture {

        static final String SUMMARY = "与采购总监讨论了二期扩容方案";

        /** The opportunity and key person are the customer's, as the replicas know them: a visit names only real ones. */
        static Records create(SweepOrganisation org, String customer, String opportunity, String keyPerson) {
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            var visit = given().auth().oauth2(org.ownerToken()).contentType("application/json")
                    .body(visitBody(customer, opportunity, keyPerson)).post("/api/v1/visits")
                    .then().statusCode(201).extract();
            String followUp = given().auth().oauth2(org.ownerToken()).contentType("application/json")
                    .body(Map.of("customerId", customer, "action", "送报价", "dueOn", today, "opportunityId", opportunity))
                    .post("/api/v1/follow-ups").then().statusCode(201).extract().path("id");
            given().auth().oauth2(org.ownerToken()).contentType("application/json")
                    .body(Map.of("customerIds", List.of(customer))).put("/api/v1/visit-plans/" + today)
                    .then().statusCode(200);
            return new Records(org, customer, opportunity, keyPerson, visit.path("id"), visit.path("version"),
                    followUp, today);
        }

        static Map<String, Object> visitBody(String customer, String opportunity, String keyPerson) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("customerId", customer);
            body.put("method", "ONSITE");
            body.put("occurredAt", Instant.now().minus(2, ChronoUnit.HOURS).toString());
            body.put("summary", SUMMARY);
            body.put("clientId", UUID.randomUUID().toString());
            body.put("opportunityId", opportunity);
            body.put("keyPersonIds", List.of(keyPerson));
            return body;
        }

        @Override
        public Set<String> ownersRecords() {
            return Set.of(customer, opportunity, keyPerson, visit, followUp);
        }

        @Override
        public Set<String> notReferences() {
            return Set.of("clientId");
        }

        @Override
        public Map<String, String> pathParameters(ApiOperation operation) {
            return PathParameters.bySegment(operation, Map.of(
                    "visits", visit,
                    "follow-ups", followUp,
                    "visit-plans", today));
        }

        @Override
        public Object body(ApiOperation operation) {
            return switch (operation.toString()) {
                case "POST /api/v1/visits" -> visitBody(customer, opportunity, keyPerson);
                case "PATCH /api/v1/visits/{id}" -> Map.of("summary", "外人改的");
                case "POST /api/v1/follow-ups" -> Map.of("customerId", customer, "action", "外人", "dueOn", today,
                        "opportunityId", opportunity);
                case "POST /api/v1/follow-ups/{id}/complete" -> Map.of("result", "外人完成");
                case "PUT /api/v1/visit-plans/{date}" -> Map.of("customerIds", List.of(customer));
                default -> null;
            };
        }

        @Override
        public List<Map<String, String>> queries(ApiOperation operation) {
            return switch (operation.toString()) {
                case "GET /api/v1/visits" -> List.of(Map.of("limit", "200"), Map.of("customerId", customer),
                        Map.of("ownerId", org.owner()), Map.of("opportunityId", opportunity));
                case "GET /api/v1/follow-ups" -> List.of(Map.of("limit", "200"), Map.of("customerId", customer),
                        Map.of("assigneeId", org.owner()));
                case "GET /api/v1/visit-plans/{date}" -> List.of(Map.of(), Map.of("ownerId", org.owner()));
                default -> List.of(Map.of());
            };
        }

        @Override
        public Map<String, String> headers(ApiOperation operation) {
            return operation.method().equals("PATCH") ? Map.of("If-Match", Integer.toString(visitVersion)) : Map.of();
        }
    }
}
