package org.salescrm.visit.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.salescrm.visit.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salescrm.events.customer.CustomerDeleted;
import org.salescrm.events.customer.CustomerRestored;
import org.salescrm.events.customer.KeyPersonDeleted;
import org.salescrm.events.customer.KeyPersonRestored;
import org.salescrm.events.customer.OpportunityDeleted;
import org.salescrm.events.customer.OpportunityRestored;
import org.salescrm.testsupport.TestTokens;
import org.salescrm.visit.Fixtures;

/**
 * Soft deletes from customer-service, through the real crm.customers and crm.opportunities topics: an archived
 * customer answers as one never seen, an archived key person is not active, an archived opportunity is not open,
 * and a restore brings each back. A redelivered delete changes nothing.
 */
@QuarkusTest
class ArchivedRecordsIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    Pool db;

    String rep;
    String token;

    @BeforeEach
    void freshRep() {
        rep = "rep-archive-" + UUID.randomUUID();
        token = TestTokens.rep(rep, "east");
    }

    @Test
    void archivedCustomerAnswersAsUnknownEverywhereUntilRestoredAndARedeliveredDeleteChangesNothing() {
        UUID customer = Fixtures.customerOf(db, rep, "east");
        String visit = as(token).body(visit(customer)).post("/api/v1/visits").then().statusCode(201)
                .extract().path("id");
        String followUp = as(token).body(followUp(customer)).post("/api/v1/follow-ups").then().statusCode(201)
                .extract().path("id");
        LocalDate tomorrow = LocalDate.now(SHANGHAI).plusDays(1);
        as(token).body(Map.of("customerIds", List.of(customer.toString()))).put("/api/v1/visit-plans/" + tomorrow)
                .then().statusCode(200);

        CustomerDeleted deleted = new CustomerDeleted(UUID.randomUUID(), customer, 1, rep, "east", Instant.now(),
                "客户-" + customer, rep);
        Fixtures.publish(deleted);
        await().atMost(Duration.ofSeconds(30)).until(() -> archived("customer_replica", "customer_id", customer));

        // Exactly the answer for a customer this service never saw, for a visit and for a follow-up.
        UUID unknown = UUID.randomUUID();
        assertSameAnswer(as(token).body(visit(customer)).post("/api/v1/visits").then().statusCode(422)
                        .body("type", endsWith("/customer-unavailable")).extract().asString(), customer,
                as(token).body(visit(unknown)).post("/api/v1/visits").then().statusCode(422).extract().asString(),
                unknown);
        assertSameAnswer(as(token).body(followUp(customer)).post("/api/v1/follow-ups").then().statusCode(422)
                        .extract().asString(), customer,
                as(token).body(followUp(unknown)).post("/api/v1/follow-ups").then().statusCode(422).extract().asString(),
                unknown);
        as(token).body(Map.of("customerIds", List.of(customer.toString()))).put("/api/v1/visit-plans/" + tomorrow)
                .then().statusCode(422).body("errors.field", contains("customerIds[0]"));
        // Its records are out of reach and out of every list, as another's are.
        as(token).get("/api/v1/visits/" + visit).then().statusCode(404);
        as(token).queryParam("customerId", customer.toString()).get("/api/v1/visits").then().statusCode(200)
                .body("items", empty());
        as(token).get("/api/v1/follow-ups").then().statusCode(200).body("items.id", not(hasItem(followUp)));
        as(Fixtures.ADMIN).queryParam("customerId", customer.toString()).get("/api/v1/follow-ups").then()
                .body("items", empty());
        as(token).body(Map.of("result", "已回访")).post("/api/v1/follow-ups/" + followUp + "/complete").then()
                .statusCode(404);
        as(token).get("/api/v1/visit-plans/" + tomorrow).then().statusCode(200)
                .body("customerIds", empty()).body("planned", equalTo(0));

        Fixtures.publish(deleted);
        Fixtures.publish(new CustomerRestored(UUID.randomUUID(), customer, 2, rep, "east", Instant.now(),
                "客户-" + customer, "A", rep));
        Fixtures.awaitReplicaVersion(db, customer, 2);
        // The same delete once more after the restore: the inbox has it, and it is older than what is held.
        Fixtures.publish(deleted);
        Fixtures.ownerChanged(db, customer, 3, rep, "east", "TRANSFERRED");

        assertThat(archived("customer_replica", "customer_id", customer)).isFalse();
        assertThat(Fixtures.count(db, "SELECT count(*) FROM processed_event WHERE event_id = $1", deleted.eventId()))
                .isEqualTo(1);
        as(token).get("/api/v1/visits/" + visit).then().statusCode(200);
        as(token).get("/api/v1/follow-ups").then().body("items.id", hasItem(followUp));
        as(token).get("/api/v1/visit-plans/" + tomorrow).then().body("customerIds", contains(customer.toString()))
                .body("planned", equalTo(1));
        as(token).body(visit(customer)).post("/api/v1/visits").then().statusCode(201);
        as(token).body(Map.of("result", "已回访")).post("/api/v1/follow-ups/" + followUp + "/complete").then()
                .statusCode(200).body("status", equalTo("DONE"));
    }

    @Test
    void archivedKeyPersonIsNotActiveUntilRestored() {
        UUID customer = Fixtures.customerOf(db, rep, "east");
        UUID person = Fixtures.keyPersonOf(db, customer);
        Fixtures.publish(new KeyPersonDeleted(UUID.randomUUID(), person, 1, rep, "east", Instant.now(), customer,
                "王女士", "DECISION_MAKER", rep));
        await().atMost(Duration.ofSeconds(30)).until(() -> archived("key_person_replica", "key_person_id", person));

        as(token).body(effectiveVisit(customer, person)).post("/api/v1/visits").then().statusCode(422)
                .body("type", endsWith("/invalid-visit-reference"))
                .body("errors.field", contains("keyPersonIds[0]")).body("errors.rule", contains("active"));
        assertThat(Fixtures.count(db, "SELECT count(*) FROM visit WHERE customer_id = $1", customer)).isZero();

        Fixtures.publish(new KeyPersonRestored(UUID.randomUUID(), person, 2, rep, "east", Instant.now(), customer,
                "王女士", "DECISION_MAKER", true, rep));
        await().atMost(Duration.ofSeconds(30)).until(() -> !archived("key_person_replica", "key_person_id", person));
        as(token).body(effectiveVisit(customer, person)).post("/api/v1/visits").then().statusCode(201)
                .body("effective", equalTo(true));
    }

    @Test
    void archivedOpportunityIsNotOpenUntilRestored() {
        UUID customer = Fixtures.customerOf(db, rep, "east");
        UUID deal = Fixtures.opportunityOf(db, customer, rep, "east");
        Fixtures.publish(new OpportunityDeleted(UUID.randomUUID(), deal, 1, rep, "east", Instant.now(), customer,
                "TARGET", "OPEN", rep));
        await().atMost(Duration.ofSeconds(30)).until(() -> archived("opportunity_replica", "opportunity_id", deal));

        Map<String, Object> body = visit(customer);
        body.put("opportunityId", deal.toString());
        as(token).body(body).post("/api/v1/visits").then().statusCode(422)
                .body("errors.field", contains("opportunityId")).body("errors.rule", contains("open"));
        Map<String, Object> followUp = new HashMap<>(followUp(customer));
        followUp.put("opportunityId", deal.toString());
        as(token).body(followUp).post("/api/v1/follow-ups").then().statusCode(422)
                .body("type", endsWith("/invalid-follow-up-reference"))
                .body("errors.field", contains("opportunityId")).body("errors.rule", contains("active"));

        Fixtures.publish(new OpportunityRestored(UUID.randomUUID(), deal, 2, rep, "east", Instant.now(), customer,
                "TARGET", "OPEN", new BigDecimal("300000"), "CNY", rep));
        await().atMost(Duration.ofSeconds(30)).until(() -> !archived("opportunity_replica", "opportunity_id", deal));
        as(token).body(body).post("/api/v1/visits").then().statusCode(201)
                .body("opportunityId", equalTo(deal.toString()));
    }

    private boolean archived(String table, String idColumn, UUID id) {
        return db.preparedQuery("SELECT archived FROM " + table + " WHERE " + idColumn + " = $1")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next().getBoolean(0);
    }

    private static void assertSameAnswer(String archived, UUID archivedId, String unknown, UUID unknownId) {
        assertThat(archived.replace(archivedId.toString(), "{id}"))
                .isEqualTo(unknown.replace(unknownId.toString(), "{id}"));
    }

    private static Map<String, Object> visit(UUID customer) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customer.toString());
        body.put("method", "PHONE");
        body.put("occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        body.put("summary", "电话沟通二期需求");
        return body;
    }

    private static Map<String, Object> effectiveVisit(UUID customer, UUID keyPerson) {
        Map<String, Object> body = visit(customer);
        body.put("keyPersonIds", List.of(keyPerson.toString()));
        body.put("purpose", "确认预算");
        body.put("purposeAchieved", true);
        body.put("sentiment", "POSITIVE");
        return body;
    }

    private static Map<String, Object> followUp(UUID customer) {
        return Map.of("customerId", customer.toString(), "action", "发送报价",
                "dueOn", LocalDate.now(SHANGHAI).plusDays(2).toString());
    }
}
