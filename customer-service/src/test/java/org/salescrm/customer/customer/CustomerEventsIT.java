package org.salescrm.customer.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salescrm.customer.customer.CustomerApiIT.REP_EAST_1;
import static org.salescrm.customer.customer.CustomerApiIT.as;
import static org.salescrm.customer.customer.CustomerApiIT.uniqueName;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.embedded.SharedPostgres;
import org.salescrm.events.CloudEvent;
import org.salescrm.events.EventCodec;
import org.salescrm.events.Topics;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.testsupport.Concurrently;

/** What customer changes publish, through the outbox, on the real broker. */
@QuarkusTest
class CustomerEventsIT {

    static KafkaCompanion kafka;
    /** Everything published on crm.customers while these tests run, read by one long-lived consumer. */
    static ConsumerTask<String, String> published;

    @Inject
    Pool db;

    @BeforeAll
    static void connect() {
        kafka = new KafkaCompanion(SharedKafka.bootstrapServers());
        published = kafka.consumeStrings().fromTopics(Topics.CUSTOMERS);
    }

    @AfterAll
    static void disconnect() {
        published.close();
        kafka.close();
    }

    @AfterEach
    void infrastructureIsBack() {
        SharedKafka.start();
        SharedPostgres.start();
    }

    @Test
    void createdCustomerIsPublishedExactlyOnce() {
        String name = uniqueName("上海浦江机电有限公司");
        String id = as(REP_EAST_1).body(Map.of("name", name, "grade", "B")).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(20)).until(() -> recordsFor(id).size() == 1);
        // The relay polls several times a second: a second copy would show within this window.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> recordsFor(id).size() == 1);

        ConsumerRecord<String, String> record = recordsFor(id).get(0);
        assertThat(record.key()).isEqualTo(id);
        CloudEvent envelope = EventCodec.read(record.value());
        assertThat(envelope.type()).isEqualTo(CustomerCreated.TYPE);
        assertThat(envelope.source()).isEqualTo("/customer-service");
        CustomerCreated created = (CustomerCreated) EventCodec.data(envelope);
        assertThat(created.aggregateId()).isEqualTo(UUID.fromString(id));
        assertThat(created.name()).isEqualTo(name);
        assertThat(created.grade()).isEqualTo("B");
        assertThat(created.ownerId()).isEqualTo("rep-east-1");
        assertThat(created.ownerTeam()).isEqualTo("east");
    }

    @Test
    void createThatLosesARaceLeavesNoEventBehind() throws Exception {
        String name = uniqueName("并发事件");

        List<Integer> statuses = Concurrently.run(2,
                () -> as(REP_EAST_1).body(Map.of("name", name)).post("/api/v1/customers").statusCode());

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(outboxRowsMentioning(name)).isEqualTo(1);
    }

    @Test
    void eventKafkaRefusesForGoodIsParkedAndTheOthersStillGoOut() {
        String bigKey = UUID.randomUUID().toString();
        db.preparedQuery("""
                        INSERT INTO outbox_event (event_id, topic, record_key, type, payload, created_at)
                        VALUES ($1, $2, $3, 'crm.customer.created.v1', repeat('x', 2000000), now())""")
                .execute(Tuple.of(UUID.randomUUID(), Topics.CUSTOMERS, bigKey)).await().indefinitely();

        String id = as(REP_EAST_1).body(Map.of("name", uniqueName("大事件之后"))).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(20)).until(() -> recordsFor(id).size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> db.preparedQuery(
                        "SELECT park_reason FROM outbox_event WHERE record_key = $1 AND parked_at IS NOT NULL")
                .execute(Tuple.of(bigKey)).await().indefinitely().size() == 1);
        assertThat(recordsFor(bigKey)).isEmpty();
    }

    @Test
    void eventWrittenWhileBrokerIsDownIsPublishedOnceItIsBack() {
        SharedKafka.stop();
        long started = System.nanoTime();
        String id = as(REP_EAST_1).body(Map.of("name", uniqueName("深圳南山电子"))).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("the request does not wait for Kafka").isLessThan(Duration.ofSeconds(3));

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> isPending(id));

        SharedKafka.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> recordsFor(id).size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> !isPending(id));
    }

    @Test
    void serviceComesBackAfterADatabaseRestartWithNothingLost() {
        String before = as(REP_EAST_1).body(Map.of("name", uniqueName("杭州钱塘新材料"))).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");

        SharedPostgres.stop();
        as(REP_EAST_1).body(Map.of("name", uniqueName("数据库停机时"))).post("/api/v1/customers")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5");
        SharedPostgres.start();

        String after = await().atMost(Duration.ofSeconds(30)).until(
                () -> as(REP_EAST_1).body(Map.of("name", uniqueName("数据库恢复后"))).post("/api/v1/customers")
                        .then().extract(),
                response -> response.statusCode() == 201).path("id");
        // A relay pass the stop caught mid-statement gives up only after its 30 s database timeout, then retries. One
        // the stop caught after Kafka's acknowledgement but before its commit publishes the event again: the same
        // event, which consumers apply once (their processed-event marks). Nothing lost, no other event: one id each.
        await().atMost(Duration.ofSeconds(60)).until(() -> eventIdsFor(before).size() == 1
                && eventIdsFor(after).size() == 1);
        as(REP_EAST_1).get("/api/v1/customers/" + before).then().statusCode(200);
    }

    private List<ConsumerRecord<String, String>> recordsFor(String customerId) {
        return published.getRecords().stream()
                .filter(r -> customerId.equals(r.key()))
                .toList();
    }

    private Set<String> eventIdsFor(String customerId) {
        return recordsFor(customerId).stream().map(r -> EventCodec.read(r.value()).id()).collect(Collectors.toSet());
    }

    private long outboxRowsMentioning(String text) {
        return db.preparedQuery("SELECT count(*) FROM outbox_event WHERE payload LIKE '%' || $1 || '%'")
                .execute(Tuple.of(text)).await().indefinitely().iterator().next().getLong(0);
    }

    private boolean isPending(String customerId) {
        return db.preparedQuery("SELECT count(*) FROM outbox_event WHERE record_key = $1 AND sent_at IS NULL")
                .execute(Tuple.of(customerId)).await().indefinitely().iterator().next().getLong(0) == 1;
    }
}
