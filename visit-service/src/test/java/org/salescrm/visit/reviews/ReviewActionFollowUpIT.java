package org.salescrm.visit.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.salescrm.visit.Fixtures.MGR_EAST;
import static org.salescrm.visit.Fixtures.REP_EAST_1;
import static org.salescrm.visit.Fixtures.REP_EAST_2;
import static org.salescrm.visit.Fixtures.as;
import static org.salescrm.visit.Fixtures.customerOf;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.events.EventCatalog;
import org.salescrm.events.EventCodec;
import org.salescrm.events.target.ReviewActionAssigned;
import org.salescrm.events.visit.FollowUpCompleted;
import org.salescrm.events.visit.FollowUpCreated;
import org.salescrm.visit.Fixtures;

/** A review action target-service assigns as a follow-up becomes one follow-up here, however often it arrives. */
@QuarkusTest
class ReviewActionFollowUpIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Pool db;

    @BeforeAll
    static void connect() {
        Fixtures.kafka();
    }

    @Test
    void assignedActionBecomesTheOwnersFollowUpOnceAndItsCompletionIsPublished() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        UUID action = UUID.randomUUID();
        LocalDate due = LocalDate.now().plusDays(10);
        ReviewActionAssigned assigned = new ReviewActionAssigned(UUID.randomUUID(), UUID.randomUUID(), 2,
                "rep-east-1", "east", Instant.now(), action, "REP", "rep-east-1", "2026-Q3", "两周内拜访财务总监，确认预算",
                due, customer, null, "mgr-east");
        String json = EventCodec.write(EventCodec.envelope(assigned, "/target-service", Instant.now()));

        // delivered twice, as Kafka may after a rebalance
        produce(assigned, json);
        produce(assigned, json);

        await().atMost(PATIENCE).untilAsserted(() -> as(REP_EAST_1).get("/api/v1/follow-ups/{id}", action)
                .then().statusCode(200)
                .body("customerId", equalTo(customer.toString()))
                .body("assigneeId", equalTo("rep-east-1"))
                .body("action", equalTo("两周内拜访财务总监，确认预算"))
                .body("dueOn", equalTo(due.toString()))
                .body("status", equalTo("OPEN"))
                .body("createdBy", equalTo("mgr-east")));
        as(MGR_EAST).get("/api/v1/follow-ups/{id}", action).then().statusCode(200);
        as(REP_EAST_2).get("/api/v1/follow-ups/{id}", action).then().statusCode(404);
        List<FollowUpCreated> created = Fixtures.awaitExactly(action, FollowUpCreated.class, 1);
        assertThat(created.get(0).assigneeId()).isEqualTo("rep-east-1");

        as(REP_EAST_1).body(Map.of("result", "预算已确认")).post("/api/v1/follow-ups/{id}/complete", action).then()
                .statusCode(200).body("status", equalTo("DONE"));
        // the completion target-service turns into the action's status carries the action's id
        assertThat(Fixtures.awaitExactly(action, FollowUpCompleted.class, 1).get(0).result()).isEqualTo("预算已确认");
        assertThat(Fixtures.count(db, "SELECT count(*) FROM follow_up WHERE id = $1", action)).isEqualTo(1);
    }

    private static void produce(ReviewActionAssigned event, String json) {
        var record = new org.apache.kafka.clients.producer.ProducerRecord<>(
                EventCatalog.typeOf(ReviewActionAssigned.class).topic(), event.partitionKey().toString(), json);
        Fixtures.kafka().produceStrings().fromRecords(record).awaitCompletion(PATIENCE);
    }
}
