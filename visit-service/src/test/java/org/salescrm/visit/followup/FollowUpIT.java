package org.salescrm.visit.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.salescrm.visit.Fixtures.MGR_EAST;
import static org.salescrm.visit.Fixtures.REP_EAST_1;
import static org.salescrm.visit.Fixtures.REP_EAST_2;
import static org.salescrm.visit.Fixtures.as;
import static org.salescrm.visit.Fixtures.customerOf;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.events.visit.FollowUpCompleted;
import org.salescrm.events.visit.FollowUpCreated;
import org.salescrm.events.visit.FollowUpOverdue;
import org.salescrm.testsupport.Concurrently;
import org.salescrm.visit.Fixtures;
import org.salescrm.visit.TestClock;

/** Follow-ups: created, completed, read as overdue, and announced as overdue exactly once. */
@QuarkusTest
class FollowUpIT {

    @Inject
    Pool db;

    @Inject
    TestClock clock;

    @Inject
    OverdueFollowUpJob job;

    @BeforeAll
    static void connect() {
        Fixtures.kafka();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private String create(String token, UUID customer, LocalDate dueOn) {
        return as(token).body(Map.of("customerId", customer.toString(), "action", "电话确认需求",
                        "dueOn", dueOn.toString()))
                .post("/api/v1/follow-ups").then().statusCode(201).extract().path("id");
    }

    @Test
    void followUpIsCreatedForTheCallerAndCompletedWithAResult() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        String id = create(REP_EAST_1, customer, today().plusDays(2));
        as(REP_EAST_1).get("/api/v1/follow-ups/" + id).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("assigneeId", equalTo("rep-east-1"))
                .body("ownerId", equalTo("rep-east-1"));

        as(REP_EAST_1).body(Map.of()).post("/api/v1/follow-ups/" + id + "/complete").then().statusCode(422)
                .body("errors.field", contains("result"));
        as(REP_EAST_2).body(Map.of("result", "x")).post("/api/v1/follow-ups/" + id + "/complete")
                .then().statusCode(404);
        as(REP_EAST_2).get("/api/v1/follow-ups/" + id).then().statusCode(404);
        as(MGR_EAST).get("/api/v1/follow-ups/" + id).then().statusCode(200);
        as(REP_EAST_1).body(Map.of("result", "客户确认下周签约")).post("/api/v1/follow-ups/" + id + "/complete")
                .then().statusCode(200).body("status", equalTo("DONE")).body("result", equalTo("客户确认下周签约"))
                .body("completedBy", equalTo("rep-east-1"));
        // a retried completion changes nothing
        as(REP_EAST_1).body(Map.of("result", "客户确认下周签约")).post("/api/v1/follow-ups/" + id + "/complete")
                .then().statusCode(200).body("status", equalTo("DONE"));

        UUID followUp = UUID.fromString(id);
        Fixtures.awaitExactly(followUp, FollowUpCreated.class, 1);
        FollowUpCompleted completed = Fixtures.awaitExactly(followUp, FollowUpCompleted.class, 1).get(0);
        assertThat(completed.result()).isEqualTo("客户确认下周签约");
        assertThat(completed.customerId()).isEqualTo(customer);
        assertThat(completed.ownerId()).isEqualTo("rep-east-1");
    }

    @Test
    void badFollowUpsAreRefusedNamingTheField() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        as(REP_EAST_1).body(Map.of("customerId", customer.toString(), "dueOn", today().toString()))
                .post("/api/v1/follow-ups").then().statusCode(422).body("errors.field", contains("action"));
        as(REP_EAST_1).body(Map.of("customerId", customer.toString(), "action", "x", "dueOn", "tomorrow"))
                .post("/api/v1/follow-ups").then().statusCode(400).body("errors.field", contains("dueOn"));
        as(REP_EAST_1).body(Map.of("customerId", customer.toString(), "action", "x",
                        "dueOn", today().minusDays(1).toString()))
                .post("/api/v1/follow-ups").then().statusCode(422).body("errors.field", contains("dueOn"));
        as(REP_EAST_1).body(Map.of("customerId", customer.toString(), "action", "x", "dueOn", today().toString(),
                        "assigneeId", "rep-west-1"))
                .post("/api/v1/follow-ups").then().statusCode(422).body("errors.field", contains("assigneeId"));
        as(REP_EAST_2).body(Map.of("customerId", customer.toString(), "action", "x", "dueOn", today().toString()))
                .post("/api/v1/follow-ups").then().statusCode(422)
                .body("type", equalTo("https://salescrm.dev/problems/customer-unavailable"));
        as(REP_EAST_1).body(Map.of("customerId", UUID.randomUUID().toString(), "action", "x",
                        "dueOn", today().toString()))
                .post("/api/v1/follow-ups").then().statusCode(422)
                .body("type", equalTo("https://salescrm.dev/problems/customer-unavailable"));
        as(REP_EAST_1).queryParam("status", "LATE").get("/api/v1/follow-ups").then().statusCode(400)
                .body("errors.field", contains("status"));
    }

    /** A follow-up cannot attach itself to another customer's deal, nor tell whether one exists. */
    @Test
    void opportunityMustBeOneOfTheFollowUpsCustomerOpenOrClosed() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        UUID othersDeal = Fixtures.opportunityOf(db, customerOf(db, "rep-west-1", "west"), "rep-west-1", "west");
        UUID deal = Fixtures.opportunityOf(db, customer, "rep-east-1", "east");
        Map<String, Object> body = new HashMap<>(Map.of("customerId", customer.toString(), "action", "寄送合同",
                "dueOn", today().toString()));

        body.put("opportunityId", UUID.randomUUID().toString());
        as(REP_EAST_1).body(body).post("/api/v1/follow-ups").then().statusCode(422)
                .body("type", endsWith("/reference-not-replicated"))
                .body("errors.field", contains("opportunityId")).body("errors.rule", contains("known"));
        body.put("opportunityId", othersDeal.toString());
        as(REP_EAST_1).body(body).post("/api/v1/follow-ups").then().statusCode(422)
                .body("type", endsWith("/invalid-follow-up-reference"))
                .body("errors.field", contains("opportunityId")).body("errors.rule", contains("ofCustomer"));
        assertThat(Fixtures.count(db, "SELECT count(*) FROM follow_up WHERE customer_id = $1", customer)).isZero();

        Fixtures.opportunityMoved(db, deal, customer, 5, "NEGOTIATION", "WON");
        body.put("opportunityId", deal.toString());
        as(REP_EAST_1).body(body).post("/api/v1/follow-ups").then().statusCode(201)
                .body("opportunityId", equalTo(deal.toString()));
    }

    @Test
    void managerMayAssignToTheOwnerAndTheOwnerSeesIt() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        String id = as(MGR_EAST).body(Map.of("customerId", customer.toString(), "action", "陪同拜访",
                        "dueOn", today().plusDays(1).toString(), "assigneeId", "rep-east-1"))
                .post("/api/v1/follow-ups").then().statusCode(201)
                .body("assigneeId", equalTo("rep-east-1")).body("createdBy", equalTo("mgr-east"))
                .extract().path("id");
        as(REP_EAST_1).queryParam("assigneeId", "rep-east-1").queryParam("customerId", customer.toString())
                .get("/api/v1/follow-ups").then().statusCode(200).body("items.id", contains(id));
        as(REP_EAST_2).queryParam("customerId", customer.toString()).get("/api/v1/follow-ups")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    /** The job as the scheduler runs it: on a Vert.x context, as Hibernate Reactive needs. */
    private int runJob() throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(job::run);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Test
    void openFollowUpPastItsDueDateReadsOverdueAndIsAnnouncedExactlyOnce() throws Exception {
        UUID customer = customerOf(db, "rep-east-1", "east");
        String dueTomorrow = create(REP_EAST_1, customer, today().plusDays(1));
        String dueLater = create(REP_EAST_1, customer, today().plusDays(10));
        String done = create(REP_EAST_1, customer, today().plusDays(1));
        as(REP_EAST_1).body(Map.of("result", "已完成")).post("/api/v1/follow-ups/" + done + "/complete")
                .then().statusCode(200);

        clock.advance(Duration.ofDays(3));

        as(REP_EAST_1).get("/api/v1/follow-ups/" + dueTomorrow).then().statusCode(200)
                .body("status", equalTo("OVERDUE"));
        as(REP_EAST_1).queryParam("customerId", customer.toString()).queryParam("status", "OVERDUE")
                .get("/api/v1/follow-ups").then().statusCode(200).body("items.id", contains(dueTomorrow));
        as(REP_EAST_1).queryParam("customerId", customer.toString()).queryParam("status", "OPEN")
                .get("/api/v1/follow-ups").then().statusCode(200).body("items.id", contains(dueLater))
                .body("items.id", not(hasItem(dueTomorrow)));
        as(REP_EAST_1).queryParam("customerId", customer.toString()).queryParam("status", "DONE")
                .get("/api/v1/follow-ups").then().statusCode(200).body("items.id", contains(done));
        as(REP_EAST_1).queryParam("customerId", customer.toString())
                .queryParam("dueBefore", today().plusDays(1).toString())
                .get("/api/v1/follow-ups").then().statusCode(200).body("items.size()", equalTo(2));

        // two runs racing each other, then another: the scheduled job also runs meanwhile
        Concurrently.run(2, this::runJob);
        runJob();

        List<FollowUpOverdue> overdue = Fixtures.awaitExactly(UUID.fromString(dueTomorrow), FollowUpOverdue.class, 1);
        assertThat(overdue.get(0).customerId()).isEqualTo(customer);
        assertThat(overdue.get(0).assigneeId()).isEqualTo("rep-east-1");
        assertThat(overdue.get(0).dueOn()).isEqualTo(today().minusDays(2));
        assertThat(Fixtures.eventsAbout(UUID.fromString(dueLater), FollowUpOverdue.class)).isEmpty();
        assertThat(Fixtures.eventsAbout(UUID.fromString(done), FollowUpOverdue.class)).isEmpty();

        // completing an overdue one is still possible, and it is not announced again
        as(REP_EAST_1).body(Map.of("result", "迟到的回访")).post("/api/v1/follow-ups/" + dueTomorrow + "/complete")
                .then().statusCode(200).body("status", equalTo("DONE"));
        Fixtures.awaitExactly(UUID.fromString(dueTomorrow), FollowUpOverdue.class, 1);
    }
}
