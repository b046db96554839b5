package org.salescrm.visit.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;
import static org.salescrm.visit.Fixtures.ADMIN;
import static org.salescrm.visit.Fixtures.MGR_EAST;
import static org.salescrm.visit.Fixtures.MGR_WEST;
import static org.salescrm.visit.Fixtures.REP_EAST_1;
import static org.salescrm.visit.Fixtures.REP_EAST_2;
import static org.salescrm.visit.Fixtures.as;
import static org.salescrm.visit.Fixtures.customerOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.events.visit.FollowUpCreated;
import org.salescrm.events.visit.VisitLogged;
import org.salescrm.visit.Fixtures;

/** Logging and reading visits against the real database and broker, access decided by the replica. */
@QuarkusTest
class VisitApiIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    Pool db;

    @BeforeAll
    static void connect() {
        Fixtures.kafka();
    }

    static Map<String, Object> visit(UUID customerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId.toString());
        body.put("method", "ONSITE");
        body.put("occurredAt", Instant.now().minus(2, ChronoUnit.HOURS).toString());
        body.put("summary", "与采购总监王女士讨论了二期扩容方案");
        return body;
    }

    /** Meets a real, active key person of the customer, known to the replica. */
    static Map<String, Object> effectiveVisit(Pool db, UUID customerId) {
        return effectiveVisit(customerId, Fixtures.keyPersonOf(db, customerId));
    }

    static Map<String, Object> effectiveVisit(UUID customerId, UUID keyPersonId) {
        Map<String, Object> body = visit(customerId);
        body.put("keyPersonIds", List.of(keyPersonId.toString()));
        body.put("purpose", "确认预算");
        body.put("purposeAchieved", true);
        body.put("sentiment", "POSITIVE");
        return body;
    }

    static Response log(String token, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/visits");
    }

    @Test
    void visitWithEveryFieldIsLoggedForTheCustomersOwnerAndPublished() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        UUID opportunity = Fixtures.opportunityOf(db, customer, "rep-east-1", "east");
        Map<String, Object> body = effectiveVisit(db, customer);
        body.put("clientId", UUID.randomUUID().toString());
        body.put("opportunityId", opportunity.toString());
        body.put("durationMinutes", 90);
        body.put("customerFeedback", "对价格敏感");
        body.put("needs", "需要本地化部署");
        body.put("competitorInfo", "竞品报价低 10%");
        body.put("location", Map.of("lat", 31.2304, "lon", 121.4737, "accuracyMeters", 12.5, "address", "上海市黄浦区"));
        String dueOn = LocalDate.now(SHANGHAI).plusDays(3).toString();
        body.put("nextAction", Map.of("action", "发送正式报价", "dueOn", dueOn));

        Response created = log(REP_EAST_1, body);
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/visits/"))
                .body("ownerId", equalTo("rep-east-1"))
                .body("ownerTeam", equalTo("east"))
                .body("loggedBy", equalTo("rep-east-1"))
                .body("method", equalTo("ONSITE"))
                .body("effective", equalTo(true))
                .body("lateEntry", equalTo(false))
                .body("durationMinutes", equalTo(90))
                .body("location.lat", equalTo(31.2304f))
                .body("location.address", equalTo("上海市黄浦区"))
                .body("nextAction.dueOn", equalTo(dueOn))
                .body("followUpId", notNullValue())
                .body("version", equalTo(0))
                .body("createdAt", notNullValue());
        UUID id = UUID.fromString(created.path("id"));
        UUID followUpId = UUID.fromString(created.path("followUpId"));

        as(REP_EAST_1).get("/api/v1/visits/" + id).then().statusCode(200)
                .body("summary", equalTo(body.get("summary")))
                .body("needs", equalTo("需要本地化部署"));
        as(REP_EAST_1).get("/api/v1/follow-ups/" + followUpId).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("assigneeId", equalTo("rep-east-1"))
                .body("action", equalTo("发送正式报价"));

        VisitLogged logged = Fixtures.awaitExactly(id, VisitLogged.class, 1).get(0);
        assertThat(logged.customerId()).isEqualTo(customer);
        assertThat(logged.ownerId()).isEqualTo("rep-east-1");
        assertThat(logged.ownerTeam()).isEqualTo("east");
        assertThat(logged.occurredAt()).isEqualTo(Instant.parse((String) body.get("occurredAt")));
        assertThat(logged.effective()).isTrue();
        assertThat(logged.followUpId()).isEqualTo(followUpId);
        assertThat(logged.opportunityId()).isEqualTo(opportunity);
        FollowUpCreated followUp = Fixtures.awaitExactly(followUpId, FollowUpCreated.class, 1).get(0);
        assertThat(followUp.visitId()).isEqualTo(id);
    }

    @Test
    void effectiveNeedsAKeyPersonAnAchievedPurposeAndNoNegativeSentiment() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        UUID keyPerson = Fixtures.keyPersonOf(db, customer);
        log(REP_EAST_1, effectiveVisit(customer, keyPerson)).then().statusCode(201).body("effective", equalTo(true));

        Map<String, Object> noKeyPerson = effectiveVisit(customer, keyPerson);
        noKeyPerson.remove("keyPersonIds");
        log(REP_EAST_1, noKeyPerson).then().statusCode(201).body("effective", equalTo(false));

        Map<String, Object> notAchieved = effectiveVisit(customer, keyPerson);
        notAchieved.put("purposeAchieved", false);
        log(REP_EAST_1, notAchieved).then().statusCode(201).body("effective", equalTo(false));

        Map<String, Object> negative = effectiveVisit(customer, keyPerson);
        negative.put("sentiment", "NEGATIVE");
        log(REP_EAST_1, negative).then().statusCode(201).body("effective", equalTo(false));

        Map<String, Object> neutral = effectiveVisit(customer, keyPerson);
        neutral.put("sentiment", "NEUTRAL");
        log(REP_EAST_1, neutral).then().statusCode(201).body("effective", equalTo(true));
    }

    @Test
    void visitLoggedMoreThanTheLateEntryHoursAfterItHappenedIsALateEntry() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        Map<String, Object> dayOld = visit(customer);
        dayOld.put("occurredAt", Instant.now().minus(25, ChronoUnit.HOURS).toString());
        UUID id = UUID.fromString(log(REP_EAST_1, dayOld).then().statusCode(201)
                .body("lateEntry", equalTo(true)).extract().path("id"));
        assertThat(Fixtures.awaitExactly(id, VisitLogged.class, 1).get(0).lateEntry()).isTrue();

        Map<String, Object> sameDay = visit(customer);
        sameDay.put("occurredAt", Instant.now().minus(23, ChronoUnit.HOURS).toString());
        log(REP_EAST_1, sameDay).then().statusCode(201).body("lateEntry", equalTo(false));
    }

    @Test
    void lateVisitMayCarryANextActionAlreadyDueButNotOneBeforeTheVisit() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        Instant fiveDaysAgo = Instant.now().minus(5, ChronoUnit.DAYS);
        LocalDate visitDay = LocalDate.ofInstant(fiveDaysAgo, SHANGHAI);
        Map<String, Object> late = visit(customer);
        late.put("occurredAt", fiveDaysAgo.toString());
        late.put("nextAction", Map.of("action", "回访", "dueOn", visitDay.toString()));
        String followUpId = log(REP_EAST_1, late).then().statusCode(201).body("lateEntry", equalTo(true))
                .extract().path("followUpId");
        as(REP_EAST_1).get("/api/v1/follow-ups/" + followUpId).then().statusCode(200)
                .body("status", equalTo("OVERDUE"));
        // the scheduled overdue job (every 2 s in tests) announces it, once
        org.salescrm.events.visit.FollowUpOverdue overdue = Fixtures.awaitExactly(UUID.fromString(followUpId),
                org.salescrm.events.visit.FollowUpOverdue.class, 1).get(0);
        assertThat(overdue.dueOn()).isEqualTo(visitDay);

        late.put("nextAction", Map.of("action", "回访", "dueOn", visitDay.minusDays(1).toString()));
        log(REP_EAST_1, late).then().statusCode(422)
                .body("errors.field", contains("nextAction.dueOn"));
    }

    @Test
    void sameClientIdTwiceStoresOneVisitAndPublishesOneEvent() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        Map<String, Object> body = visit(customer);
        UUID clientId = UUID.randomUUID();
        body.put("clientId", clientId.toString());
        body.put("nextAction", Map.of("action", "寄样品", "dueOn", LocalDate.now(SHANGHAI).plusDays(1).toString()));

        String id = log(REP_EAST_1, body).then().statusCode(201).extract().path("id");
        String followUpId = log(REP_EAST_1, body).then().statusCode(200)
                .body("id", equalTo(id)).extract().path("followUpId");

        assertThat(Fixtures.count(db, "SELECT count(*) FROM visit WHERE client_id = $1", clientId)).isEqualTo(1);
        assertThat(Fixtures.count(db, "SELECT count(*) FROM follow_up WHERE visit_id = $1", UUID.fromString(id)))
                .isEqualTo(1);
        Fixtures.awaitExactly(UUID.fromString(id), VisitLogged.class, 1);
        Fixtures.awaitExactly(UUID.fromString(followUpId), FollowUpCreated.class, 1);
    }

    @Test
    void concurrentRetriesWithOneClientIdStoreOneVisitAndPublishOneEvent() throws Exception {
        UUID customer = customerOf(db, "rep-east-1", "east");
        Map<String, Object> body = visit(customer);
        UUID clientId = UUID.randomUUID();
        body.put("clientId", clientId.toString());

        List<Response> answers = org.salescrm.testsupport.Concurrently.run(4, () -> log(REP_EAST_1, body));

        assertThat(answers).extracting(Response::statusCode).containsOnly(201, 200);
        assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(answers).extracting(r -> r.<String>path("id")).containsOnly(answers.get(0).<String>path("id"));
        assertThat(Fixtures.count(db, "SELECT count(*) FROM visit WHERE client_id = $1", clientId)).isEqualTo(1);
        Fixtures.awaitExactly(UUID.fromString(answers.get(0).path("id")), VisitLogged.class, 1);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyStoreOneVisit() throws Exception {
        UUID customer = customerOf(db, "rep-east-1", "east");
        Map<String, Object> body = visit(customer);
        String key = "visit-" + UUID.randomUUID();

        List<Response> answers = org.salescrm.testsupport.Concurrently.run(4,
                () -> as(REP_EAST_1).header("Idempotency-Key", key).body(body).post("/api/v1/visits"));

        assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() == 200).hasSize(3);
        assertThat(answers).extracting(r -> r.<String>path("id")).containsOnly(answers.get(0).<String>path("id"));
        assertThat(Fixtures.count(db, "SELECT count(*) FROM visit WHERE customer_id = $1", customer)).isEqualTo(1);
        Fixtures.awaitExactly(UUID.fromString(answers.get(0).path("id")), VisitLogged.class, 1);
    }

    @Test
    void sameClientIdFromAnotherCallerIsAnotherVisit() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        Map<String, Object> body = visit(customer);
        body.put("clientId", UUID.randomUUID().toString());
        String byRep = log(REP_EAST_1, body).then().statusCode(201).extract().path("id");
        String byManager = log(MGR_EAST, body).then().statusCode(201)
                .body("ownerId", equalTo("rep-east-1")).body("loggedBy", equalTo("mgr-east")).extract().path("id");
        assertThat(byManager).isNotEqualTo(byRep);
    }

    @Test
    void repCannotLogOrReadVisitsOfAnotherRepsCustomerWhileTheManagerCanRead() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        String id = log(REP_EAST_1, visit(customer)).then().statusCode(201).extract().path("id");

        log(REP_EAST_2, visit(customer)).then().statusCode(422)
                .body("type", equalTo("https://salescrm.dev/problems/customer-unavailable"))
                .body("errors.field", contains("customerId"));
        as(REP_EAST_2).get("/api/v1/visits/" + id).then().statusCode(404);
        as(REP_EAST_2).get("/api/v1/visits/" + id + "/history").then().statusCode(404);
        as(REP_EAST_2).queryParam("customerId", customer.toString()).get("/api/v1/visits")
                .then().statusCode(200).body("items.size()", equalTo(0));

        as(MGR_EAST).get("/api/v1/visits/" + id).then().statusCode(200).body("id", equalTo(id));
        as(MGR_EAST).queryParam("customerId", customer.toString()).get("/api/v1/visits")
                .then().statusCode(200).body("items.id", contains(id));
        as(ADMIN).get("/api/v1/visits/" + id).then().statusCode(200);
        as(MGR_WEST).get("/api/v1/visits/" + id).then().statusCode(404);
        log(MGR_WEST, visit(customer)).then().statusCode(422);
    }

    @Test
    void customerTheReplicaHasNotSeenIsRefusedNotStored() {
        UUID unknown = UUID.randomUUID();
        log(REP_EAST_1, visit(unknown)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://salescrm.dev/problems/customer-unavailable"))
                .body("errors.field", contains("customerId"))
                .body("detail", notNullValue());
        assertThat(Fixtures.count(db, "SELECT count(*) FROM visit WHERE customer_id = $1", unknown)).isZero();
    }

    @Test
    void anotherRepsCustomerAnswersExactlyAsAnUnknownOne() {
        UUID theirs = customerOf(db, "rep-east-1", "east");
        UUID unknown = UUID.randomUUID();

        var refusedTheirs = log(REP_EAST_2, visit(theirs)).then().statusCode(422).extract().jsonPath();
        var refusedUnknown = log(REP_EAST_2, visit(unknown)).then().statusCode(422).extract().jsonPath();

        assertThat(refusedTheirs.getString("type")).isEqualTo(refusedUnknown.getString("type"));
        assertThat(refusedTheirs.getString("title")).isEqualTo(refusedUnknown.getString("title"));
        assertThat(refusedTheirs.getString("detail").replace(theirs.toString(), "{id}"))
                .isEqualTo(refusedUnknown.getString("detail").replace(unknown.toString(), "{id}"));
        assertThat(refusedTheirs.getList("errors")).isEqualTo(refusedUnknown.getList("errors"));
    }

    @Test
    void ownerChangeOnCrmCustomersMovesAccessToTheNewOwner() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        String before = log(REP_EAST_1, visit(customer)).then().statusCode(201).extract().path("id");

        Fixtures.ownerChanged(db, customer, 1, "rep-east-2", "east", "TRANSFERRED");

        log(REP_EAST_1, visit(customer)).then().statusCode(422)
                .body("type", equalTo("https://salescrm.dev/problems/customer-unavailable"));
        as(REP_EAST_1).get("/api/v1/visits/" + before).then().statusCode(404);
        as(REP_EAST_2).get("/api/v1/visits/" + before).then().statusCode(200)
                .body("ownerId", equalTo("rep-east-1"));
        log(REP_EAST_2, visit(customer)).then().statusCode(201).body("ownerId", equalTo("rep-east-2"));

        // an older event arriving late changes nothing
        Fixtures.publish(new org.salescrm.events.customer.CustomerUpdated(UUID.randomUUID(), customer, 0,
                "rep-east-1", "east", Instant.now(), "旧", "A", null, null, null, null, List.of(), null, "x"));
        Fixtures.ownerChanged(db, customer, 2, null, null, "RELEASED");
        log(REP_EAST_2, visit(customer)).then().statusCode(422);
        assertThat(Fixtures.replicaVersion(db, customer)).isEqualTo(2L);
    }

    @Test
    void eachBadInputIsRefusedNamingItsField() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        refused(with(customer, "occurredAt", Instant.now().plus(1, ChronoUnit.HOURS).toString()), 422, "occurredAt");
        refused(with(customer, "durationMinutes", -1), 422, "durationMinutes");
        refused(with(customer, "durationMinutes", 1441), 422, "durationMinutes");
        refused(with(customer, "location", Map.of("lat", 90.5, "lon", 120.0)), 422, "location.lat");
        refused(with(customer, "location", Map.of("lat", 30.0, "lon", -180.1)), 422, "location.lon");
        refused(with(customer, "method", "TELEPATHY"), 422, "method");
        refused(with(customer, "sentiment", "ECSTATIC"), 422, "sentiment");
        refused(with(customer, "summary", "   "), 422, "summary");
        refused(without(customer, "summary"), 422, "summary");
        refused(without(customer, "occurredAt"), 422, "occurredAt");
        refused(with(customer, "summary", "长".repeat(4001)), 422, "summary");
        refused(with(customer, "needs", "x".repeat(2001)), 422, "needs");
        refused(with(customer, "customerFeedback", "x".repeat(2001)), 422, "customerFeedback");
        refused(with(customer, "competitorInfo", "x".repeat(2001)), 422, "competitorInfo");
        refused(with(customer, "purpose", "x".repeat(2001)), 422, "purpose");
        refused(with(customer, "ownerId", "rep-east-2"), 400, "ownerId");
        refused(with(customer, "effective", true), 400, "effective");
        log(REP_EAST_1, with(customer, "summary", "长".repeat(4000))).then().statusCode(201);
        log(REP_EAST_1, with(customer, "durationMinutes", 1440)).then().statusCode(201);
        assertThat(Fixtures.count(db, "SELECT count(*) FROM visit WHERE customer_id = $1", customer)).isEqualTo(2);
    }

    @Test
    void visitsAreListedLatestFirstFilteredAndPaged() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        Instant now = Instant.now();
        for (int hoursAgo = 1; hoursAgo <= 3; hoursAgo++) {
            log(REP_EAST_1, with(customer, "occurredAt", now.minus(hoursAgo, ChronoUnit.HOURS).toString()))
                    .then().statusCode(201);
        }
        Response first = as(REP_EAST_1).queryParam("customerId", customer.toString()).queryParam("limit", 2)
                .get("/api/v1/visits");
        first.then().statusCode(200).body("items.size()", equalTo(2)).body("next", notNullValue());
        List<String> firstTimes = first.path("items.occurredAt");
        assertThat(Instant.parse(firstTimes.get(0))).isAfter(Instant.parse(firstTimes.get(1)));
        as(REP_EAST_1).queryParam("customerId", customer.toString()).queryParam("limit", 2)
                .queryParam("cursor", first.<String>path("next")).get("/api/v1/visits")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("next", nullValue());
        as(REP_EAST_1).queryParam("customerId", customer.toString())
                .queryParam("from", now.minus(150, ChronoUnit.MINUTES).toString())
                .get("/api/v1/visits").then().statusCode(200).body("items.size()", equalTo(2));
        as(REP_EAST_1).queryParam("customerId", customer.toString()).queryParam("ownerId", "rep-east-1")
                .get("/api/v1/visits").then().statusCode(200).body("items.ownerId", hasItem("rep-east-1"));
        as(REP_EAST_1).queryParam("from", "yesterday").get("/api/v1/visits").then().statusCode(400)
                .body("errors.field", contains("from"));
    }

    @Test
    void everyCallNeedsATokenAndProblemsSpeakTheCallersLanguage() {
        io.restassured.RestAssured.given().contentType("application/json").get("/api/v1/visits")
                .then().statusCode(401);
        io.restassured.RestAssured.given().contentType("application/json").get("/api/v1/follow-ups")
                .then().statusCode(401);
        io.restassured.RestAssured.given().get("/api/v1/visit-plans/2026-11-03").then().statusCode(401);
        UUID customer = customerOf(db, "rep-east-2", "east");
        as(REP_EAST_1).header("Accept-Language", "zh-CN").body(visit(customer)).post("/api/v1/visits")
                .then().statusCode(422)
                .body("title", equalTo("客户不可用"))
                .body("detail", containsString(customer.toString()));
    }

    private static Map<String, Object> with(UUID customer, String field, Object value) {
        Map<String, Object> body = visit(customer);
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> without(UUID customer, String field) {
        Map<String, Object> body = visit(customer);
        body.remove(field);
        return body;
    }

    private static void refused(Map<String, Object> body, int status, String field) {
        log(REP_EAST_1, body).then().statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
