package org.salescrm.visit.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.salescrm.events.Topics;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.events.customer.CustomerOwnerChanged;
import org.salescrm.visit.Fixtures;

/** The owner replica fed from the real crm.customers topic: version-gated, idempotent, poison dead-lettered. */
@QuarkusTest
class CustomerReplicaIT {

    @Inject
    Pool db;

    private String owner(UUID customerId) {
        return db.preparedQuery("SELECT owner_id FROM customer_replica WHERE customer_id = $1")
                .execute(Tuple.of(customerId)).await().indefinitely().iterator().next().getString(0);
    }

    @Test
    void releasedCustomerHasNoOwnerAndAnOlderEventArrivingLaterChangesNothing() {
        UUID id = Fixtures.customerOf(db, "rep-east-1", "east");
        Fixtures.ownerChanged(db, id, 3, null, null, "RELEASED");
        assertThat(owner(id)).isNull();

        // version 2 (a transfer) was overtaken by the release: it must not bring the old owner back
        Fixtures.publish(new CustomerOwnerChanged(UUID.randomUUID(), id, 2, "rep-east-2", "east", Instant.now(),
                "rep-east-1", "east", "TRANSFERRED", "late", "mgr-east", "客户", "A"));
        UUID marker = UUID.randomUUID();
        Fixtures.publish(id.toString(), new CustomerCreated(UUID.randomUUID(), marker, 0, "rep-east-1", "east",
                Instant.now(), "标记客户", "C", null, null, null, null, "rep-east-1"));
        Fixtures.awaitReplicaVersion(db, marker, 0);
        assertThat(owner(id)).isNull();
        assertThat(Fixtures.replicaVersion(db, id)).isEqualTo(3L);

        Fixtures.publish(new CustomerOwnerChanged(UUID.randomUUID(), id, 4, "rep-east-2", "east", Instant.now(),
                null, null, "CLAIMED", null, "rep-east-2", "客户", "A"));
        Fixtures.awaitReplicaVersion(db, id, 4);
        assertThat(owner(id)).isEqualTo("rep-east-2");
    }

    @Test
    void redeliveredEventIsAppliedOnce() {
        UUID id = UUID.randomUUID();
        CustomerCreated created = new CustomerCreated(UUID.randomUUID(), id, 0, "rep-east-1", "east", Instant.now(),
                "重复投递客户", "B", null, null, null, null, "rep-east-1");
        Fixtures.publish(created);
        Fixtures.publish(created);
        Fixtures.awaitReplicaVersion(db, id, 0);
        // a later event on the same key: once it is applied, both copies before it have been seen
        Fixtures.ownerChanged(db, id, 1, "rep-east-2", "east", "TRANSFERRED");
        assertThat(Fixtures.count(db, "SELECT count(*) FROM processed_event WHERE event_id = $1", created.eventId()))
                .isEqualTo(1);
    }

    @Test
    void poisonRecordIsDeadLetteredAndTheNextOneIsApplied() {
        ConsumerTask<String, String> deadLetters = Fixtures.kafka().consumeStrings()
                .fromTopics(Topics.deadLetter("visit-service"));
        UUID id = UUID.randomUUID();
        ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.CUSTOMERS, id.toString(), "not an event");
        Fixtures.kafka().produceStrings().fromRecords(poison).awaitCompletion(Duration.ofSeconds(10));
        Fixtures.publish(new CustomerCreated(UUID.randomUUID(), id, 0, "rep-east-1", "east", Instant.now(),
                "毒消息之后的客户", "C", null, null, null, null, "rep-east-1"));

        Fixtures.awaitReplicaVersion(db, id, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.getRecords().stream()
                .anyMatch(r -> id.toString().equals(r.key())));
        ConsumerRecord<String, String> dead = deadLetters.getRecords().stream()
                .filter(r -> id.toString().equals(r.key())).findFirst().orElseThrow();
        assertThat(dead.value()).isEqualTo("not an event");
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .isNotBlank();
        deadLetters.close();
    }
}
