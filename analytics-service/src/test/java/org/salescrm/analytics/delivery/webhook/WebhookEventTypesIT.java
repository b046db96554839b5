package org.salescrm.analytics.delivery.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.delivery.AlertEvents;
import org.salescrm.analytics.support.Db;
import org.salescrm.analytics.support.Events;
import org.salescrm.analytics.support.Fixtures;
import org.salescrm.events.analytics.AlertRaised;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.events.customer.OpportunityOpened;
import org.salescrm.events.customer.OpportunityWon;
import org.salescrm.testsupport.TestTokens;

/** Subscriptions naming CloudEvents types receive those domain events from the real broker, scoped by team. */
@QuarkusTest
class WebhookEventTypesIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** The first test of a JVM may publish before the consumers are assigned the new topics' partitions. */
    static final Duration FIRST_DELIVERY = Duration.ofSeconds(90);
    static final String SECRET = "another-s3cret-for-the-receiver";
    /** The event-deliveries channel's consumer group, as application.properties names it. */
    static final String DELIVERIES_GROUP = "analytics-service-event-deliveries";
    static AlertEvents alerts;

    @Inject
    Pool pool;

    @BeforeAll
    static void connect() {
        alerts = new AlertEvents();
    }

    @AfterAll
    static void disconnect() {
        alerts.close();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String subscribe(String token, String url, String team, List<String> eventTypes) {
        return as(token).body(Map.of("url", url, "secret", SECRET, "teams", List.of(team), "eventTypes", eventTypes))
                .post("/api/v1/webhooks").then().statusCode(201)
                .body("eventTypes", equalTo(eventTypes))
                .extract().path("id");
    }

    @Test
    void subscriptionReceivesTheDomainEventsItNamesForItsTeamsAndAlertsOnlyGoWhereNoneAreNamed() throws Exception {
        String team = "team-" + UUID.randomUUID();
        String otherTeam = "team-" + UUID.randomUUID();
        String manager = TestTokens.manager("mgr-" + team, team);
        String rep = "rep-" + UUID.randomUUID();
        try (WebhookReceiver events = WebhookReceiver.start(); WebhookReceiver alertsOnly = WebhookReceiver.start()) {
            String eventsId = subscribe(manager, events.url(), team,
                    List.of("crm.opportunity.won.v1", "crm.customer.created.v1"));
            String alertsId = subscribe(manager, alertsOnly.url(), team, List.of());

            UUID customer = UUID.randomUUID();
            UUID deal = UUID.randomUUID();
            Instant now = Instant.now();
            OpportunityOpened opened = Fixtures.opened(customer, deal, rep, team, now, BigDecimal.TEN,
                    Fixtures.day(now).plusDays(30));
            OpportunityWon elsewhere = Fixtures.won(customer, UUID.randomUUID(), 3, "rep-x", otherTeam, now,
                    BigDecimal.ONE, Fixtures.day(now));
            CustomerCreated created = Fixtures.customer(customer, rep, team, "B", now);
            OpportunityWon won = Fixtures.won(customer, deal, 5, rep, team, now, new BigDecimal("120000"),
                    Fixtures.day(now));
            // one customer, one partition: once the last has arrived, every one before it was seen
            Events.publish(opened, elsewhere, created, won);
            AlertRaised alert = AlertEvents.raised(rep, team, customer);
            alerts.publish(alert);

            await().atMost(FIRST_DELIVERY).until(() -> events.receivedFor(won.eventId()).size() == 1
                    && events.receivedFor(created.eventId()).size() == 1);
            WebhookReceiver.Received delivery = events.receivedFor(won.eventId()).get(0);
            assertThat(delivery.eventType()).isEqualTo("crm.opportunity.won.v1");
            JsonPath body = JsonPath.from(new String(delivery.raw(), StandardCharsets.UTF_8));
            assertThat(body.getString("type")).isEqualTo("crm.opportunity.won.v1");
            assertThat(body.getString("data.aggregateId")).isEqualTo(deal.toString());
            assertThat(body.getString("data.amount")).isEqualTo("120000");
            assertThat(events.receivedFor(opened.eventId())).isEmpty();
            assertThat(events.receivedFor(elsewhere.eventId())).isEmpty();

            await().atMost(FIRST_DELIVERY).until(() -> alertsOnly.receivedFor(alert.eventId()).size() == 1);
            as(manager).get("/api/v1/webhooks/" + alertsId + "/deliveries").then().statusCode(200)
                    .body("items.eventId", not(hasItem(won.eventId().toString())));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> events.receivedFor(alert.eventId()).isEmpty());
            as(manager).get("/api/v1/webhooks/" + eventsId).then().statusCode(200)
                    .body("eventTypes", contains("crm.opportunity.won.v1", "crm.customer.created.v1"));
        }
    }

    @Test
    void eventsPassUnreadWhileNoSubscriptionNamesTheirTypes() {
        // the subscriptions other tests left would be reason enough to read every event
        Db db = new Db(pool);
        db.execute("UPDATE webhook_subscription SET deleted_at = now() WHERE deleted_at IS NULL"
                + " AND cardinality(event_types) > 0");
        String team = "team-" + UUID.randomUUID();
        CustomerCreated created = Fixtures.customer(UUID.randomUUID(), "rep-" + team, team, "B", Instant.now());

        RecordMetadata stored = Events.publishOne(created);

        TopicPartition partition = new TopicPartition(stored.topic(), stored.partition());
        await().atMost(FIRST_DELIVERY).until(() -> committedOffset(partition) > stored.offset());
        assertThat(db.count("SELECT count(*) FROM processed_event WHERE event_id = $1 AND consumer = $2",
                created.eventId(), DomainEventDeliveryConsumer.CONSUMER)).isZero();
    }

    private static long committedOffset(TopicPartition partition) {
        OffsetAndMetadata committed = Events.kafka().consumerGroups().offsets(DELIVERIES_GROUP, partition);
        return committed == null ? -1 : committed.offset();
    }

    @Test
    void unknownEventTypeIsRefusedNamingIt() {
        String team = "team-" + UUID.randomUUID();
        as(TestTokens.manager("mgr-" + team, team))
                .body(Map.of("url", "http://localhost:9/hook", "secret", SECRET, "teams", List.of(team),
                        "eventTypes", List.of("crm.opportunity.won.v1", "crm.opportunity.vanished.v1")))
                .post("/api/v1/webhooks").then().statusCode(422)
                .body("errors.field", contains("eventTypes[1]"));
    }
}
