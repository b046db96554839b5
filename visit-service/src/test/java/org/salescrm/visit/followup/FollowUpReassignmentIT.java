package org.salescrm.visit.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.salescrm.visit.Fixtures.ADMIN;
import static org.salescrm.visit.Fixtures.MGR_EAST;
import static org.salescrm.visit.Fixtures.REP_EAST_1;
import static org.salescrm.visit.Fixtures.REP_EAST_2;
import static org.salescrm.visit.Fixtures.as;
import static org.salescrm.visit.Fixtures.customerOf;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.events.customer.CustomerOwnerChanged;
import org.salescrm.events.visit.FollowUpReassigned;
import org.salescrm.visit.Fixtures;

/** Open follow-ups move with their customer when crm.customers says it changed owner. */
@QuarkusTest
class FollowUpReassignmentIT {

    @Inject
    Pool db;

    @BeforeAll
    static void connect() {
        Fixtures.kafka();
    }

    private static String create(String token, UUID customer) {
        return as(token).body(Map.of("customerId", customer.toString(), "action", "电话确认需求",
                        "dueOn", LocalDate.now().plusDays(3).toString()))
                .post("/api/v1/follow-ups").then().statusCode(201).extract().path("id");
    }

    private String assignee(String followUpId) {
        return db.preparedQuery("SELECT assignee_id FROM follow_up WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(followUpId))).await().indefinitely()
                .iterator().next().getString(0);
    }

    @Test
    void transferMovesOpenFollowUpsToTheNewOwnerAndTheFormerOwnerLosesThem() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        String open = create(REP_EAST_1, customer);
        String done = create(REP_EAST_1, customer);
        as(REP_EAST_1).body(Map.of("result", "已确认")).post("/api/v1/follow-ups/" + done + "/complete")
                .then().statusCode(200);

        Fixtures.ownerChanged(db, customer, 1, "rep-east-2", "east", "TRANSFERRED");
        await().atMost(Duration.ofSeconds(30)).until(() -> "rep-east-2".equals(assignee(open)));

        as(REP_EAST_2).get("/api/v1/follow-ups/" + open).then().statusCode(200)
                .body("assigneeId", equalTo("rep-east-2")).body("ownerId", equalTo("rep-east-2"))
                .body("status", equalTo("OPEN"));
        as(REP_EAST_1).get("/api/v1/follow-ups/" + open).then().statusCode(404);
        as(REP_EAST_1).body(Map.of("result", "抢先完成")).post("/api/v1/follow-ups/" + open + "/complete")
                .then().statusCode(404);
        // only the one they did themselves is still theirs to see
        as(REP_EAST_1).queryParam("customerId", customer.toString()).get("/api/v1/follow-ups")
                .then().statusCode(200).body("items.id", contains(done));
        // the done one keeps who did it
        assertThat(assignee(done)).isEqualTo("rep-east-1");

        FollowUpReassigned moved = Fixtures.awaitExactly(UUID.fromString(open), FollowUpReassigned.class, 1).get(0);
        assertThat(moved.assigneeId()).isEqualTo("rep-east-2");
        assertThat(moved.previousAssigneeId()).isEqualTo("rep-east-1");
        assertThat(moved.ownerId()).isEqualTo("rep-east-2");
        assertThat(moved.change()).isEqualTo("TRANSFERRED");
        assertThat(Fixtures.eventsAbout(UUID.fromString(done), FollowUpReassigned.class)).isEmpty();

        as(REP_EAST_2).body(Map.of("result", "已电话确认")).post("/api/v1/follow-ups/" + open + "/complete")
                .then().statusCode(200).body("completedBy", equalTo("rep-east-2"));
    }

    @Test
    void reclaimedCustomersFollowUpsWaitInThePoolUntilSomeoneClaimsIt() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        String open = create(REP_EAST_1, customer);

        Fixtures.ownerChanged(db, customer, 1, null, null, "RECLAIMED");
        await().atMost(Duration.ofSeconds(30)).until(() -> assignee(open) == null);
        as(REP_EAST_1).get("/api/v1/follow-ups/" + open).then().statusCode(404);
        as(MGR_EAST).get("/api/v1/follow-ups/" + open).then().statusCode(404);
        as(ADMIN).get("/api/v1/follow-ups/" + open).then().statusCode(200)
                .body("assigneeId", nullValue()).body("ownerId", nullValue());

        Fixtures.ownerChanged(db, customer, 2, "rep-east-2", "east", "CLAIMED");
        await().atMost(Duration.ofSeconds(30)).until(() -> "rep-east-2".equals(assignee(open)));
        as(REP_EAST_2).get("/api/v1/follow-ups/" + open).then().statusCode(200)
                .body("assigneeId", equalTo("rep-east-2"));
        assertThat(Fixtures.awaitExactly(UUID.fromString(open), FollowUpReassigned.class, 2))
                .extracting(FollowUpReassigned::change).containsExactly("RECLAIMED", "CLAIMED");
    }

    @Test
    void anOlderOwnerChangeArrivingLateMovesNothingBack() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        String open = create(REP_EAST_1, customer);
        Fixtures.ownerChanged(db, customer, 3, "rep-east-2", "east", "TRANSFERRED");
        await().atMost(Duration.ofSeconds(30)).until(() -> "rep-east-2".equals(assignee(open)));

        Fixtures.publish(new CustomerOwnerChanged(UUID.randomUUID(), customer, 2, "rep-east-1", "east", Instant.now(),
                null, null, "CLAIMED", null, "rep-east-1", "客户", "A"));
        // a later record on the same key: once it is applied, the stale one before it has been seen
        UUID marker = UUID.randomUUID();
        Fixtures.publish(customer.toString(), new CustomerCreated(UUID.randomUUID(), marker, 0, "rep-east-1", "east",
                Instant.now(), "标记客户", "C", null, null, null, null, "rep-east-1"));
        Fixtures.awaitReplicaVersion(db, marker, 0);

        assertThat(assignee(open)).isEqualTo("rep-east-2");
        assertThat(Fixtures.awaitExactly(UUID.fromString(open), FollowUpReassigned.class, 1)).hasSize(1);
    }
}
