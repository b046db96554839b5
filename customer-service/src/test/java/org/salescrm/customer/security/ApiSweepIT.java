package org.salescrm.customer.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.testsupport.TestTokens;
import org.salescrm.testsupport.http.ApiOperation;
import org.salescrm.testsupport.sweep.BadInputSweep;
import org.salescrm.testsupport.sweep.CrossOwnerSweep;
import org.salescrm.testsupport.sweep.PathParameters;
import org.salescrm.testsupport.sweep.SweepOrganisation;

/**
 * The generated sweeps over every operation of customer-service's OpenAPI document: asked by each rep
 * and manager who may not reach a rep's customer, key persons and opportunity, each answers as for a
 * record that does not exist and no list carries them; and input each must refuse is refused as
 * problem+json naming the field, never a 5xx, with nothing written.
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
        Records records = Records.create(org);
        int version = given().auth().oauth2(org.ownerToken()).get("/api/v1/customers/" + records.customer)
                .then().statusCode(200).extract().path("version");

        CrossOwnerSweep.Result result = new CrossOwnerSweep(URI.create(base.toString()), org, records).run();

        System.out.println(result.summary("customer-service"));
        assertThat(result.leaks()).isEmpty();
        assertThat(result.notSwept()).isEmpty();
        assertThat(result.swept()).isEqualTo(result.operations());
        // Nothing an outsider sent changed the owner's records.
        given().auth().oauth2(org.ownerToken()).get("/api/v1/customers/" + records.customer).then().statusCode(200)
                .body("ownerId", equalTo(org.owner())).body("inPool", equalTo(false)).body("version", equalTo(version));
        given().auth().oauth2(org.ownerToken()).get("/api/v1/opportunities/" + records.opportunity).then()
                .statusCode(200).body("stage", equalTo("TARGET")).body("status", equalTo("OPEN"));
        given().auth().oauth2(org.ownerToken()).get("/api/v1/key-persons/" + records.keyPerson).then()
                .statusCode(200).body("active", equalTo(true));
    }

    @Test
    void inputThatBreaksARuleIsRefusedNamingTheFieldAndWritesNothing() {
        Records records = Records.create(org);
        String manager = org.managerToken(0);
        String admin = TestTokens.admin("sweep-admin-" + UUID.randomUUID());

        BadInputSweep.Result result = new BadInputSweep(URI.create(base.toString()), new BadInputSweep.Fixture() {
            @Override
            @SuppressWarnings("unchecked")
            public Map<String, Object> validBody(ApiOperation operation) {
                return switch (operation.toString()) {
                    case "POST /api/v1/customers/{id}/transfer" -> Map.of("toOwnerId", org.rep(0, 1),
                            "toTeam", org.team(0), "reason", "sweep");
                    case "POST /api/v1/customer-transfers" -> Map.of("fromOwnerId", org.rep(0, 2),
                            "toOwnerId", org.rep(0, 1), "toTeam", org.team(0), "reason", "sweep");
                    default -> records.body(operation) instanceof Map<?, ?> body ? (Map<String, Object>) body : null;
                };
            }

            /** A delete takes no input but its path, and the sweep's accepted cases would delete: it gets ids that do not exist. */
            @Override
            public Map<String, String> pathParameters(ApiOperation operation) {
                Map<String, String> path = records.pathParameters(operation);
                if (path != null && operation.method().equals("DELETE")) {
                    path.replaceAll((name, value) -> UUID.randomUUID().toString());
                }
                return path;
            }

            /** The playbooks are an admin's to write: anyone else's input would be refused before it is read. */
            @Override
            public String token(ApiOperation operation) {
                return operation.toString().equals("PUT /api/v1/playbooks/{stage}") ? admin : manager;
            }

            @Override
            public long writes() {
                return count("SELECT (SELECT count(*) FROM customer) + (SELECT count(*) FROM key_person)"
                        + " + (SELECT count(*) FROM opportunity) + (SELECT count(*) FROM customer_history)"
                        + " + (SELECT count(*) FROM opportunity_stage_change) + (SELECT count(*) FROM outbox_event)"
                        + " + (SELECT coalesce(sum(version), 0) FROM customer) + (SELECT coalesce(sum(version), 0) FROM opportunity)"
                        + " + (SELECT coalesce(sum(version), 0) FROM key_person) + (SELECT count(*) FROM quote)"
                        + " + (SELECT count(*) FROM quote_line) + (SELECT count(*) FROM contract)"
                        + " + (SELECT count(*) FROM instalment) + (SELECT count(*) FROM payment)"
                        + " + (SELECT coalesce(sum(version), 0) FROM contract)"
                        + " + (SELECT count(*) FROM playbook_item) + (SELECT count(*) FROM playbook_tick)"
                        + " + (SELECT count(*) FROM opportunity_competitor)");
            }
        }).run();

        System.out.println(result.summary("customer-service"));
        assertThat(result.failures()).isEmpty();
        assertThat(result.swept()).isEqualTo(result.operations());
    }

    private long count(String sql) {
        return db.query(sql).execute().await().atMost(java.time.Duration.ofSeconds(30)).iterator().next()
                .getNumeric(0).longValue();
    }

    /**
     * The owner's customer with a key person (and the one they report to), an opportunity with a quote, and a
     * won one with its contract, an overdue instalment partly paid.
     */
    record Records(SweepOrganisation org, String customer, String customerName, String keyPerson, String boss,
                   String opportunity, String quote, String won, String contract, String instalment,
                   String payment, String competitor, List<Object> wonPlaybook) implements CrossOwnerSweep.Fixture {

        static Records create(SweepOrganisation org) {
            String name = org.prefix() + "南京鼓楼精密机械有限公司";
            String customer = post(org.ownerToken(), "/api/v1/customers", Map.of("name", name, "grade", "A",
                    "phone", "025-" + (10_000_000 + Math.abs(org.prefix().hashCode() % 89_999_999))));
            String boss = post(org.ownerToken(), "/api/v1/customers/" + customer + "/key-persons",
                    Map.of("name", "王总", "kpType", "DECISION_MAKER"));
            String keyPerson = post(org.ownerToken(), "/api/v1/customers/" + customer + "/key-persons",
                    Map.of("name", "李工", "reportsToId", boss));
            String opportunity = post(org.ownerToken(), "/api/v1/opportunities", Map.of("customerId", customer,
                    "name", "二期产线", "amount", 300000, "expectedCloseDate", LocalDate.now().plusDays(60).toString()));
            String quote = post(org.ownerToken(), "/api/v1/opportunities/" + opportunity + "/quotes",
                    Map.of("lines", List.of(Map.of("productLine", "产线", "quantity", 1, "unitPrice", 300000))));
            String won = wonDeal(org.ownerToken(), customer);
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            String contract = post(org.ownerToken(), "/api/v1/opportunities/" + won + "/contract",
                    contractBody(org.prefix(), today.minusDays(60), today.minusDays(30), today.plusDays(30)));
            String instalment = given().auth().oauth2(org.ownerToken()).get("/api/v1/contracts/" + contract).then()
                    .statusCode(200).extract().path("instalments[0].id");
            String payment = post(org.ownerToken(), "/api/v1/contracts/" + contract + "/payments",
                    Map.of("instalmentId", instalment, "receivedOn", today.minusDays(1).toString(), "amount", 100));
            String competitor = post(org.ownerToken(), "/api/v1/opportunities/" + opportunity + "/competitors",
                    Map.of("name", "用友", "pricePosition", "LOWER"));
            List<Object> wonPlaybook = given().auth().oauth2(org.ownerToken()).get("/api/v1/playbooks").then()
                    .statusCode(200).extract().jsonPath().getList("stages.find { it.stage == 'WON' }.items");
            return new Records(org, customer, name, keyPerson, boss, opportunity, quote, won, contract, instalment,
                    payment, competitor, wonPlaybook);
        }

        /** A second deal of the customer (whose decision maker is known) with every piece of evidence, won. */
        private static String wonDeal(String token, String customer) {
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            String id = post(token, "/api/v1/opportunities", Map.of("customerId", customer, "name", "一期产线",
                    "amount", 100000, "expectedCloseDate", LocalDate.now().plusDays(30).toString()));
            int version = given().auth().oauth2(token).get("/api/v1/opportunities/" + id).then().statusCode(200)
                    .extract().path("version");
            given().auth().oauth2(token).contentType("application/json").header("If-Match", String.valueOf(version))
                    .body(Map.of("budget", 100000, "quoteAmount", 100000, "contractSignedOn", today,
                            "firstPaymentOn", today))
                    .patch("/api/v1/opportunities/" + id).then().statusCode(200);
            given().auth().oauth2(token).contentType("application/json").body(Map.of("stage", "WON"))
                    .post("/api/v1/opportunities/" + id + "/stage").then().statusCode(200);
            return id;
        }

        private static Map<String, Object> contractBody(String prefix, LocalDate signedOn, LocalDate firstDue,
                                                        LocalDate secondDue) {
            return Map.of("number", prefix + "-HT-" + UUID.randomUUID(), "signedOn", signedOn.toString(),
                    "amount", 100000, "terms", "分两期付款", "instalments", List.of(
                            Map.of("dueOn", firstDue.toString(), "amount", 30000),
                            Map.of("dueOn", secondDue.toString(), "amount", 70000)));
        }

        private static String post(String token, String path, Map<String, Object> body) {
            return given().auth().oauth2(token).contentType("application/json").body(body).post(path)
                    .then().statusCode(201).extract().path("id");
        }

        @Override
        public Set<String> ownersRecords() {
            return Set.of(customer, keyPerson, boss, opportunity, quote, won, contract, instalment, payment, competitor);
        }

        /** Each path parameter is the owner's record of the kind the segment before it names. */
        @Override
        public Map<String, String> pathParameters(ApiOperation operation) {
            return PathParameters.bySegment(operation, Map.of(
                    "customers", customer,
                    "key-persons", keyPerson,
                    "opportunities", opportunity,
                    "quotes", quote,
                    "contracts", contract,
                    "payments", payment,
                    "competitors", competitor,
                    "playbooks", "WON",
                    "playbook", "need-noted"));
        }

        @Override
        public Object body(ApiOperation operation) {
            String today = LocalDate.now().toString();
            return switch (operation.toString()) {
                case "POST /api/v1/customers" -> Map.of("name", "外人" + UUID.randomUUID());
                case "POST /api/v1/customers/imports" -> "name\n" + "外人导入" + UUID.randomUUID() + "\n";
                case "PATCH /api/v1/customers/{id}" -> Map.of("industry", "改了");
                case "POST /api/v1/customers/{id}/release" -> Map.of("reason", "sweep");
                case "POST /api/v1/customers/{id}/transfer" -> Map.of("toOwnerId", org.rep(1, 0), "toTeam", org.team(1),
                        "reason", "sweep");
                case "POST /api/v1/customer-transfers" -> Map.of("fromOwnerId", org.owner(), "toOwnerId", org.rep(1, 0),
                        "toTeam", org.team(1), "reason", "sweep");
                case "POST /api/v1/customers/{customerId}/key-persons" -> Map.of("name", "张三", "reportsToId", boss);
                case "PATCH /api/v1/key-persons/{id}" -> Map.of("title", "改了", "reportsToId", boss);
                case "POST /api/v1/key-persons/{id}/left" -> Map.of("leftOn", today);
                case "POST /api/v1/opportunities" -> Map.of("customerId", customer, "name", "外人商机", "amount", 1,
                        "expectedCloseDate", LocalDate.now().plusDays(30).toString());
                case "PATCH /api/v1/opportunities/{id}" -> Map.of("name", "改了");
                case "POST /api/v1/opportunities/{id}/lose" -> Map.of("reason", "sweep", "competitor", "SAP");
                case "POST /api/v1/opportunities/{id}/competitors" -> Map.of("name", "外人竞品", "strengths", "sweep",
                        "pricePosition", "HIGHER");
                case "POST /api/v1/opportunities/{id}/playbook/{key}/done" -> Map.of("note", "sweep");
                case "PUT /api/v1/playbooks/{stage}" -> Map.of("items", wonPlaybook);
                case "POST /api/v1/opportunities/{id}/stage" -> Map.of("stage", "POTENTIAL");
                case "POST /api/v1/opportunities/{id}/quotes" -> Map.of("accepted", true, "lines", List.of(
                        Map.of("productLine", "外人报价", "quantity", 1, "unitPrice", 1, "discount", 0.5)));
                case "POST /api/v1/opportunities/{id}/contract" -> contractBody(org.prefix(), LocalDate.now(),
                        LocalDate.now().plusDays(10), LocalDate.now().plusDays(40));
                case "POST /api/v1/contracts/{id}/payments" -> Map.of("instalmentId", instalment,
                        "receivedOn", LocalDate.now().minusDays(1).toString(), "amount", 1);
                default -> null;
            };
        }

        @Override
        public List<Map<String, String>> queries(ApiOperation operation) {
            return switch (operation.toString()) {
                case "GET /api/v1/customers" -> List.of(Map.of("limit", "200"), Map.of("ownerId", org.owner()),
                        Map.of("q", customerName), Map.of("pool", "true", "limit", "200"));
                case "GET /api/v1/opportunities" -> List.of(Map.of("limit", "200"), Map.of("ownerId", org.owner()),
                        Map.of("customerId", customer));
                case "GET /api/v1/reports/receivables" -> List.of(Map.of(), Map.of("ownerId", org.owner()),
                        Map.of("team", org.ownerTeam()), Map.of("customerId", customer));
                case "GET /api/v1/reports/competitors" -> List.of(Map.of(), Map.of("ownerId", org.owner()),
                        Map.of("team", org.team(0)));
                default -> List.of(Map.of());
            };
        }

        @Override
        public Map<String, String> headers(ApiOperation operation) {
            if (operation.toString().equals("POST /api/v1/customers/imports")) {
                return Map.of("Content-Type", "text/csv; charset=UTF-8");
            }
            return operation.method().equals("PATCH") ? Map.of("If-Match", "1") : Map.of();
        }
    }
}
