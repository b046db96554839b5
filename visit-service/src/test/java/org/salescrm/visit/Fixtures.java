package org.salescrm.visit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.EventCatalog;
import org.salescrm.events.EventCodec;
import org.salescrm.events.Topics;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.events.customer.CustomerOwnerChanged;
import org.salescrm.events.customer.KeyPersonAdded;
import org.salescrm.events.customer.KeyPersonLeft;
import org.salescrm.events.customer.OpportunityOpened;
import org.salescrm.events.customer.OpportunityStageChanged;
import org.salescrm.testsupport.TestTokens;

/**
 * What the tests share: customers fed to the replica through real crm.customers events, requests
 * with tokens, and everything visit-service publishes, read by one long-lived consumer.
 */
public final class Fixtures {

    public static final String REP_EAST_1 = TestTokens.rep("rep-east-1", "east");
    public static final String REP_EAST_2 = TestTokens.rep("rep-east-2", "east");
    public static final String REP_WEST_1 = TestTokens.rep("rep-west-1", "west");
    public static final String MGR_EAST = TestTokens.manager("mgr-east", "east");
    public static final String MGR_WEST = TestTokens.manager("mgr-west", "west");
    public static final String ADMIN = TestTokens.admin("admin");

    private static KafkaCompanion kafka;
    private static ConsumerTask<String, String> published;

    private Fixtures() {
    }

    public static synchronized KafkaCompanion kafka() {
        if (kafka == null) {
            kafka = new KafkaCompanion(SharedKafka.bootstrapServers());
            published = kafka.consumeStrings().fromTopics(Topics.VISITS, Topics.FOLLOW_UPS);
        }
        return kafka;
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A customer owned by {@code owner}, as customer-service announces it, once the replica holds it. */
    public static UUID customerOf(Pool db, String owner, String team) {
        UUID id = UUID.randomUUID();
        publish(new CustomerCreated(UUID.randomUUID(), id, 0, owner, team, Instant.now(), "客户-" + id, "A", "制造业",
                "华东", "中型", "展会", owner));
        awaitReplicaVersion(db, id, 0);
        return id;
    }

    /** The customer moves to {@code newOwner} (null: released to the pool), at {@code version}. */
    public static void ownerChanged(Pool db, UUID customerId, long version, String newOwner, String newTeam,
                                    String change) {
        publish(new CustomerOwnerChanged(UUID.randomUUID(), customerId, version, newOwner, newTeam, Instant.now(),
                null, null, change, "test", "mgr-east", "客户-" + customerId, "A"));
        awaitReplicaVersion(db, customerId, version);
    }

    /** An active key person of the customer, as customer-service announces it, once the replica holds it. */
    public static UUID keyPersonOf(Pool db, UUID customerId) {
        UUID id = UUID.randomUUID();
        publish(new KeyPersonAdded(UUID.randomUUID(), id, 0, null, null, Instant.now(), customerId, "王女士",
                "采购总监", "采购部", "DECISION_MAKER", "ECONOMIC_BUYER", "SUPPORTER", null));
        awaitRow(db, "SELECT count(*) FROM key_person_replica WHERE key_person_id = $1 AND aggregate_version = 0", id);
        return id;
    }

    /** The key person left the customer (at version 1), once the replica knows. */
    public static void keyPersonLeft(Pool db, UUID keyPersonId, UUID customerId) {
        publish(new KeyPersonLeft(UUID.randomUUID(), keyPersonId, 1, null, null, Instant.now(), customerId, "王女士",
                "DECISION_MAKER", LocalDate.now(), true, 0));
        awaitRow(db, "SELECT count(*) FROM key_person_replica WHERE key_person_id = $1 AND NOT active", keyPersonId);
    }

    /** An OPEN opportunity of the customer, as crm.opportunities announces it, once the replica holds it. */
    public static UUID opportunityOf(Pool db, UUID customerId, String owner, String team) {
        UUID id = UUID.randomUUID();
        publish(new OpportunityOpened(UUID.randomUUID(), id, 0, owner, team, Instant.now(), customerId, "MES 二期",
                new BigDecimal("300000"), "CNY", "MES", "TARGET", 5, LocalDate.now().plusMonths(2),
                LocalDate.now()));
        awaitRow(db, "SELECT count(*) FROM opportunity_replica WHERE opportunity_id = $1", id);
        return id;
    }

    /** The opportunity moves to {@code toStage} at {@code version}; to WON it is closed. */
    public static void opportunityMoved(Pool db, UUID opportunityId, UUID customerId, long version, String from,
                                        String toStage) {
        publish(new OpportunityStageChanged(UUID.randomUUID(), opportunityId, version, "rep-east-1", "east",
                Instant.now(), customerId, from, toStage, 100, "test", false, new BigDecimal("300000"),
                "CNY", "MES", LocalDate.now(), "rep-east-1"));
        awaitRow(db, "SELECT count(*) FROM opportunity_replica WHERE opportunity_id = $1 AND aggregate_version = "
                + version, opportunityId);
    }

    private static void awaitRow(Pool db, String sql, UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count(db, sql, id) == 1);
    }

    /** Publishes as customer-service's outbox relay does: key = customer id, the CloudEvents envelope as text. */
    public static void publish(DomainEvent event) {
        publish(event.partitionKey().toString(), event);
    }

    /** On another record key (its type's topic): a marker on the key of an earlier event is applied only after that one. */
    public static void publish(String key, DomainEvent event) {
        String json = EventCodec.write(EventCodec.envelope(event, "/customer-service", Instant.now()));
        String topic = EventCatalog.typeOf(event.getClass()).topic();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        record.headers().add("content-type",
                "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        kafka().produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(10));
    }

    public static void awaitReplicaVersion(Pool db, UUID customerId, long version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Long held = replicaVersion(db, customerId);
            return held != null && held == version;
        });
    }

    public static Long replicaVersion(Pool db, UUID customerId) {
        RowSet<Row> rows = db.preparedQuery("SELECT aggregate_version FROM customer_replica WHERE customer_id = $1")
                .execute(Tuple.of(customerId)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getLong(0);
    }

    /** Every event visit-service published about one aggregate (visit or follow-up), in order. */
    public static List<DomainEvent> eventsAbout(UUID aggregateId) {
        kafka();
        return published.getRecords().stream()
                .map(r -> EventCodec.data(EventCodec.read(r.value())))
                .filter(e -> e.aggregateId().equals(aggregateId))
                .toList();
    }

    public static <E extends DomainEvent> List<E> eventsAbout(UUID aggregateId, Class<E> type) {
        return eventsAbout(aggregateId).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits for exactly {@code count} events, then makes sure no further copy follows while the relay keeps polling. */
    public static <E extends DomainEvent> List<E> awaitExactly(UUID aggregateId, Class<E> type, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsAbout(aggregateId, type).size() >= count);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> eventsAbout(aggregateId, type).size() == count);
        return eventsAbout(aggregateId, type);
    }

    public static long count(Pool db, String sql, Object param) {
        return db.preparedQuery(sql).execute(Tuple.of(param)).await().indefinitely().iterator().next().getLong(0);
    }
}
