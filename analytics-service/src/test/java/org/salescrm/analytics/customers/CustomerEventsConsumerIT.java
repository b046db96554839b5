package org.salescrm.analytics.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.events.EventCodec;
import org.salescrm.events.Topics;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.testsupport.SharedKafka;

/** analytics-service reading crm.customers from the real broker into its real database. */
@QuarkusTest
class CustomerEventsConsumerIT {

    static final Instant MONDAY_MORNING = Instant.parse("2026-11-16T01:30:00Z");
    static KafkaCompanion kafka;

    @Inject
    Pool db;

    @BeforeAll
    static void connect() {
        kafka = new KafkaCompanion(SharedKafka.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void createdCustomerIsRecordedOnce() {
        String rep = "rep-" + UUID.randomUUID();
        CustomerCreated created = customerCreated(UUID.randomUUID(), rep, "成都天府软件有限公司");

        publish(created.aggregateId().toString(), envelope(created));

        await().atMost(Duration.ofSeconds(20)).until(() -> factVersion(created.aggregateId()) == 0L);
        assertThat(newCustomers(rep)).isEqualTo(1);
        assertThat(factName(created.aggregateId())).isEqualTo("成都天府软件有限公司");
    }

    @Test
    void redeliveredEventChangesNothing() {
        String rep = "rep-" + UUID.randomUUID();
        CustomerCreated created = customerCreated(UUID.randomUUID(), rep, "武汉光谷生物");
        String key = created.aggregateId().toString();
        String json = envelope(created);

        publish(key, json);
        publish(key, json);
        // A later event on the same key and partition: once it is applied, both copies before it have been seen.
        CustomerCreated marker = customerCreated(UUID.randomUUID(), "rep-" + UUID.randomUUID(), "标记客户");
        publish(key, envelope(marker));

        await().atMost(Duration.ofSeconds(20)).until(() -> factVersion(marker.aggregateId()) != null);
        assertThat(newCustomers(rep)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = $1", created.eventId())).isEqualTo(1);
    }

    @Test
    void poisonMessageIsDeadLetteredAndTheNextOneIsProcessed() {
        ConsumerTask<String, String> deadLetters = kafka.consumeStrings()
                .fromTopics(Topics.deadLetter("analytics-service"));
        String key = UUID.randomUUID().toString();
        CustomerCreated good = customerCreated(UUID.randomUUID(), "rep-" + UUID.randomUUID(), "西安秦川重工");

        publish(key, "this is not an event");
        publish(key, "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"crm.customer.exploded.v9\",\"data\":{}}");
        publish(key, envelope(good));

        await().atMost(Duration.ofSeconds(20)).until(() -> factVersion(good.aggregateId()) != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLettersFor(deadLetters, key) == 2);
        ConsumerRecord<String, String> poison = deadLetters.getRecords().stream()
                .filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertThat(poison.value()).isEqualTo("this is not an event");
        assertThat(new String(poison.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("not a CloudEvents JSON envelope");
        deadLetters.close();
    }

    @Test
    void eventThatFailsOnceIsRetriedAndApplied() {
        // Fails the first insert of a customer named 闪断… and lets the next one through; sequences ignore rollbacks.
        db.query("CREATE SEQUENCE IF NOT EXISTS flaky_attempts").execute().await().indefinitely();
        db.query("""
                CREATE OR REPLACE FUNCTION fail_first_attempt() RETURNS trigger AS $$
                BEGIN
                    IF NEW.name LIKE '闪断%' AND nextval('flaky_attempts') % 2 = 1 THEN
                        RAISE EXCEPTION 'transient failure for the test';
                    END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql""").execute().await().indefinitely();
        db.query("CREATE OR REPLACE TRIGGER flaky_insert BEFORE INSERT ON customer_fact "
                + "FOR EACH ROW EXECUTE FUNCTION fail_first_attempt()").execute().await().indefinitely();
        try {
            CustomerCreated flaky = customerCreated(UUID.randomUUID(), "rep-" + UUID.randomUUID(), "闪断网络科技");
            long attemptsBefore = sequenceValue();

            publish(flaky.aggregateId().toString(), envelope(flaky));

            await().atMost(Duration.ofSeconds(20)).until(() -> factVersion(flaky.aggregateId()) != null);
            assertThat(sequenceValue() - attemptsBefore).isEqualTo(2);
            assertThat(newCustomers(flaky.ownerId())).isEqualTo(1);
        } finally {
            db.query("DROP TRIGGER flaky_insert ON customer_fact").execute().await().indefinitely();
        }
    }

    private long sequenceValue() {
        return db.query("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM flaky_attempts").execute()
                .await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void eventThatKeepsFailingIsDeadLetteredAfterItsAttemptsAndTheNextOneIsProcessed() {
        ConsumerTask<String, String> deadLetters = kafka.consumeStrings()
                .fromTopics(Topics.deadLetter("analytics-service"));
        UUID id = UUID.randomUUID();
        // Decodes fine, but the customer table refuses a customer without a name, on every attempt.
        CustomerCreated nameless = new CustomerCreated(UUID.randomUUID(), id, 0, "rep-" + UUID.randomUUID(), "east",
                MONDAY_MORNING, null, "A", null, null, null, null, null);
        CustomerCreated good = customerCreated(UUID.randomUUID(), "rep-" + UUID.randomUUID(), "重庆两江汽车配件");

        publish(id.toString(), envelope(nameless));
        publish(id.toString(), envelope(good));

        await().atMost(Duration.ofSeconds(30)).until(() -> factVersion(good.aggregateId()) != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLettersFor(deadLetters, id.toString()) == 1);
        ConsumerRecord<String, String> dead = deadLetters.getRecords().stream()
                .filter(r -> id.toString().equals(r.key())).findFirst().orElseThrow();
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains(nameless.eventId().toString())
                .contains("violates not-null constraint");
        assertThat(factVersion(id)).isNull();
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = $1", nameless.eventId())).isZero();
        deadLetters.close();
    }

    @Test
    void olderVersionOfACustomerDoesNotOverwriteANewerOne() {
        UUID id = UUID.randomUUID();
        CustomerCreated newer = withVersion(customerCreated(id, "rep-" + UUID.randomUUID(), "新名称"), 3);
        CustomerCreated older = withVersion(customerCreated(id, newer.ownerId(), "旧名称"), 1);

        publish(id.toString(), envelope(newer));
        publish(id.toString(), envelope(older));
        CustomerCreated marker = customerCreated(UUID.randomUUID(), "rep-" + UUID.randomUUID(), "标记客户二");
        publish(id.toString(), envelope(marker));

        await().atMost(Duration.ofSeconds(20)).until(() -> factVersion(marker.aggregateId()) != null);
        assertThat(factVersion(id)).isEqualTo(3L);
        assertThat(factName(id)).isEqualTo("新名称");
    }

    private static CustomerCreated customerCreated(UUID id, String owner, String name) {
        return new CustomerCreated(UUID.randomUUID(), id, 0, owner, "east", MONDAY_MORNING, name, "A", "软件",
                "华东", "中型", "展会", owner);
    }

    private static CustomerCreated withVersion(CustomerCreated e, long version) {
        return new CustomerCreated(e.eventId(), e.aggregateId(), version, e.ownerId(), e.ownerTeam(), e.occurredAt(),
                e.name(), e.grade(), e.industry(), e.region(), e.scale(), e.source(), e.createdBy());
    }

    private static String envelope(CustomerCreated event) {
        return EventCodec.write(EventCodec.envelope(event, "/customer-service", MONDAY_MORNING.plusSeconds(60)));
    }

    /** Publishes as the outbox relay does, headers included. */
    private static void publish(String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CUSTOMERS, key, value);
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(10));
    }

    private static long deadLettersFor(ConsumerTask<String, String> deadLetters, String key) {
        return deadLetters.getRecords().stream().filter(r -> key.equals(r.key())).count();
    }

    private Long factVersion(UUID customerId) {
        RowSet<Row> rows = db.preparedQuery("SELECT aggregate_version FROM customer_fact WHERE customer_id = $1")
                .execute(Tuple.of(customerId)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getLong(0);
    }

    private String factName(UUID customerId) {
        return db.preparedQuery("SELECT name FROM customer_fact WHERE customer_id = $1")
                .execute(Tuple.of(customerId)).await().indefinitely().iterator().next().getString(0);
    }

    private int newCustomers(String rep) {
        LocalDate day = LocalDate.ofInstant(MONDAY_MORNING, ZoneOffset.UTC);
        RowSet<Row> rows = db.preparedQuery("SELECT new_customers FROM rep_activity WHERE owner_id = $1 AND day = $2")
                .execute(Tuple.of(rep, day)).await().indefinitely();
        return rows.size() == 0 ? 0 : rows.iterator().next().getInteger(0);
    }

    private long count(String sql, Object param) {
        return db.preparedQuery(sql).execute(Tuple.of(param)).await().indefinitely().iterator().next().getLong(0);
    }
}
