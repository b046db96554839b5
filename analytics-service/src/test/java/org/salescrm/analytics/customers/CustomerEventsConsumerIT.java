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
import java.time.ZoneId;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.embedded.SharedPostgres;
import org.salescrm.events.EventCodec;
import org.salescrm.events.Topics;
import org.salescrm.events.customer.CustomerCreated;

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

        // null until the event is applied: compared boxed, an early poll waits instead of failing
        await().atMost(Duration.ofSeconds(20)).until(() -> Long.valueOf(0L).equals(factVersion(created.aggregateId())));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> newCustomers(rep) == 1);
        assertThat(factName(created.aggregateId())).isEqualTo("成都天府软件有限公司");
        assertThat(count("SELECT count(*) FROM rep_activity_delta WHERE owner_id = $1", rep))
                .as("amounts left pending after the batch").isZero();
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
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = $1 AND consumer = '"
                + "analytics.customers'", created.eventId())).isEqualTo(1);
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

    /**
     * Failures on demand, by customer name, counted in sequences (which ignore rollbacks): a
     * 闪断… customer fails its first insert only, a 坏死… customer every insert, a 僵持… customer its first three
     * after the sequence restarts, as PostgreSQL fails a transaction it chose to break a deadlock (SQLSTATE 40P01).
     */
    @BeforeEach
    void failuresOnDemand() {
        execute("CREATE SEQUENCE IF NOT EXISTS flaky_attempts");
        execute("CREATE SEQUENCE IF NOT EXISTS doomed_attempts");
        execute("CREATE SEQUENCE IF NOT EXISTS deadlocked_attempts");
        execute("""
                CREATE OR REPLACE FUNCTION fail_on_demand() RETURNS trigger AS $$
                BEGIN
                    IF NEW.name LIKE '闪断%' AND nextval('flaky_attempts') % 2 = 1 THEN
                        RAISE EXCEPTION 'transient failure for the test';
                    END IF;
                    IF NEW.name LIKE '坏死%' AND nextval('doomed_attempts') > 0 THEN
                        RAISE EXCEPTION 'permanent failure for the test';
                    END IF;
                    IF NEW.name LIKE '僵持%' AND nextval('deadlocked_attempts') <= 3 THEN
                        RAISE EXCEPTION 'deadlock detected (for the test)' USING ERRCODE = '40P01';
                    END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql""");
        execute("CREATE OR REPLACE TRIGGER fail_on_demand BEFORE INSERT ON customer_fact "
                + "FOR EACH ROW EXECUTE FUNCTION fail_on_demand()");
    }

    @Test
    void eventThatFailsOnceIsRetriedAndApplied() {
        CustomerCreated flaky = customerCreated(UUID.randomUUID(), "rep-" + UUID.randomUUID(), "闪断网络科技");
        long attemptsBefore = sequenceValue("flaky_attempts");

        publish(flaky.aggregateId().toString(), envelope(flaky));

        await().atMost(Duration.ofSeconds(20)).until(() -> factVersion(flaky.aggregateId()) != null);
        assertThat(sequenceValue("flaky_attempts") - attemptsBefore).isEqualTo(2);
        assertThat(newCustomers(flaky.ownerId())).isEqualTo(1);
    }

    @Test
    void eventThatKeepsFailingIsDeadLetteredAfterItsAttemptsAndTheNextOneIsProcessed() {
        ConsumerTask<String, String> deadLetters = kafka.consumeStrings()
                .fromTopics(Topics.deadLetter("analytics-service"));
        UUID id = UUID.randomUUID();
        CustomerCreated doomed = customerCreated(id, "rep-" + UUID.randomUUID(), "坏死数据");
        CustomerCreated good = customerCreated(UUID.randomUUID(), "rep-" + UUID.randomUUID(), "重庆两江汽车配件");
        long attemptsBefore = sequenceValue("doomed_attempts");

        publish(id.toString(), envelope(doomed));
        publish(id.toString(), envelope(good));

        await().atMost(Duration.ofSeconds(30)).until(() -> factVersion(good.aggregateId()) != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLettersFor(deadLetters, id.toString()) == 1);
        assertThat(sequenceValue("doomed_attempts") - attemptsBefore).as("attempts").isEqualTo(3);
        ConsumerRecord<String, String> dead = deadLetters.getRecords().stream()
                .filter(r -> id.toString().equals(r.key())).findFirst().orElseThrow();
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains(doomed.eventId().toString())
                .contains("permanent failure for the test");
        assertThat(factVersion(id)).isNull();
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = $1 AND consumer = '"
                + "analytics.customers'", doomed.eventId())).isZero();
        deadLetters.close();
    }

    /**
     * Two instances' batches can deadlock on the counters they share (a rep's daily activity). Three failures of
     * any other kind dead-letter an event; a batch PostgreSQL rolled back to break a deadlock runs again instead.
     */
    @Test
    void batchRolledBackToBreakADeadlockRunsAgainInsteadOfBeingDeadLettered() {
        ConsumerTask<String, String> deadLetters = kafka.consumeStrings()
                .fromTopics(Topics.deadLetter("analytics-service"));
        execute("ALTER SEQUENCE deadlocked_attempts RESTART");
        CustomerCreated deadlocked = customerCreated(UUID.randomUUID(), "rep-" + UUID.randomUUID(), "僵持贸易公司");
        String key = deadlocked.aggregateId().toString();

        publish(key, envelope(deadlocked));

        await().atMost(Duration.ofSeconds(30)).until(() -> factVersion(deadlocked.aggregateId()) != null);
        assertThat(sequenceValue("deadlocked_attempts")).as("attempts").isEqualTo(4);
        assertThat(newCustomers(deadlocked.ownerId())).isEqualTo(1);
        assertThat(deadLettersFor(deadLetters, key)).isZero();
        deadLetters.close();
    }

    @Test
    void eventArrivingWhileTheDatabaseIsDownWaitsForItInsteadOfBeingDeadLettered() {
        ConsumerTask<String, String> deadLetters = kafka.consumeStrings()
                .fromTopics(Topics.deadLetter("analytics-service"));
        CustomerCreated created = customerCreated(UUID.randomUUID(), "rep-" + UUID.randomUUID(), "停机期间的客户");
        String key = created.aggregateId().toString();
        try {
            SharedPostgres.stop();
            publish(key, envelope(created));
            // Three quick attempts would have dead-lettered it well within this window.
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                    .until(() -> deadLettersFor(deadLetters, key) == 0);
        } finally {
            SharedPostgres.start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> factVersion(created.aggregateId()) != null);
        assertThat(newCustomers(created.ownerId())).isEqualTo(1);
        assertThat(deadLettersFor(deadLetters, key)).isZero();
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
        assertThat(newCustomers(newer.ownerId())).as("a stale event counts nothing").isEqualTo(1);
    }

    private void execute(String sql) {
        db.query(sql).execute().await().indefinitely();
    }

    private long sequenceValue(String sequence) {
        return db.query("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " + sequence).execute()
                .await().indefinitely().iterator().next().getLong(0);
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
        LocalDate day = LocalDate.ofInstant(MONDAY_MORNING, ZoneId.of("Asia/Shanghai"));
        RowSet<Row> rows = db.preparedQuery("SELECT new_customers FROM rep_activity WHERE owner_id = $1 AND day = $2")
                .execute(Tuple.of(rep, day)).await().indefinitely();
        return rows.size() == 0 ? 0 : rows.iterator().next().getInteger(0);
    }

    private long count(String sql, Object param) {
        return db.preparedQuery(sql).execute(Tuple.of(param)).await().indefinitely().iterator().next().getLong(0);
    }
}
