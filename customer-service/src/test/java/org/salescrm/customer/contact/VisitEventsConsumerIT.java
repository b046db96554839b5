package org.salescrm.customer.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.customer.TestClock;
import org.salescrm.customer.VisitTraffic;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.events.visit.VisitLogged;
import org.salescrm.testsupport.TestTokens;

/** Last contact from crm.visits, on the real broker: business time, never backwards, once per event. */
@QuarkusTest
class VisitEventsConsumerIT {

    static KafkaCompanion kafka;
    static ConsumerTask<String, String> deadLetters;

    @Inject
    Pool db;

    final String rep = "rep-" + UUID.randomUUID();
    final String token = TestTokens.rep(rep, "east");

    @BeforeAll
    static void listen() {
        kafka = new KafkaCompanion(SharedKafka.bootstrapServers());
        deadLetters = kafka.consumeStrings().fromTopics("crm.dlq.customer-service");
    }

    @AfterAll
    static void stopListening() {
        deadLetters.close();
        kafka.close();
    }

    private String newCustomer() {
        return RestAssured.given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("name", "拜访客户" + UUID.randomUUID())).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
    }

    private String lastContact(String id) {
        return RestAssured.given().auth().oauth2(token).get("/api/v1/customers/" + id)
                .then().statusCode(200).extract().path("lastContactAt");
    }

    private int version(String id) {
        return RestAssured.given().auth().oauth2(token).get("/api/v1/customers/" + id)
                .then().statusCode(200).extract().path("version");
    }

    /** A later event on the same key (same partition): once it shows, everything before it was applied. */
    private void awaitAppliedUpTo(String id, Instant marker) {
        VisitTraffic.publish(VisitTraffic.visit(id, rep, marker, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> marker.toString().equals(lastContact(id)));
    }

    @Test
    void aVisitSetsLastContactToItsBusinessTimeWithoutTouchingTheVersion() {
        String id = newCustomer();
        int version = version(id);
        Instant morning = TestClock.now().minus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        // logged in the evening, it happened in the morning: the morning counts
        VisitTraffic.publish(VisitTraffic.visit(id, rep, morning, false));

        await().atMost(Duration.ofSeconds(30)).until(() -> morning.toString().equals(lastContact(id)));
        assertThat(version(id)).isEqualTo(version);
    }

    @Test
    void anOlderVisitNeverMovesLastContactBack() {
        String id = newCustomer();
        Instant recent = TestClock.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        VisitTraffic.publish(VisitTraffic.visit(id, rep, recent, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> recent.toString().equals(lastContact(id)));

        VisitTraffic.publish(VisitTraffic.visit(id, rep, recent.minus(3, ChronoUnit.DAYS), true));
        VisitTraffic.publish(VisitTraffic.correction(VisitTraffic.visit(id, rep, recent.minus(2, ChronoUnit.DAYS),
                true), true));
        // the same visit arriving after a later one: the later one stays
        Instant marker = recent.plusSeconds(60);
        awaitAppliedUpTo(id, marker);
        assertThat(lastContact(id)).isEqualTo(marker.toString());
    }

    @Test
    void aRedeliveredVisitIsAppliedOnce() {
        String id = newCustomer();
        VisitLogged visit = VisitTraffic.visit(id, rep, TestClock.now().minus(2, ChronoUnit.HOURS), false);
        String json = VisitTraffic.envelope(visit);

        VisitTraffic.publish(id, json);
        VisitTraffic.publish(id, json);
        awaitAppliedUpTo(id, TestClock.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));

        assertThat(db.preparedQuery("SELECT count(*) FROM processed_event WHERE event_id = $1 AND consumer = $2")
                .execute(Tuple.of(visit.eventId(), "customer.visits")).await().indefinitely()
                .iterator().next().getLong(0)).isEqualTo(1);
    }

    @Test
    void aCorrectionCountsOnlyWhenItMakesTheVisitEffective() {
        String id = newCustomer();
        Instant now = TestClock.now().truncatedTo(ChronoUnit.SECONDS);
        VisitLogged later = VisitTraffic.visit(id, rep, now.minus(1, ChronoUnit.HOURS), false);
        VisitLogged visit = VisitTraffic.visit(id, rep, now.minus(5, ChronoUnit.HOURS), false);

        // Under either rule a correction that leaves a visit ineffective adds no contact...
        VisitTraffic.publish(VisitTraffic.correction(later, false));
        // ...and one that makes it effective counts at the visit's own time.
        VisitTraffic.publish(VisitTraffic.correction(visit, true));

        await().atMost(Duration.ofSeconds(30)).until(() -> visit.occurredAt().toString().equals(lastContact(id)));
    }

    @Test
    void aRecordThatIsNoEventGoesToTheDeadLetterTopicAndTheNextIsStillApplied() {
        String id = newCustomer();
        VisitTraffic.publish(id, "{\"not\": \"an event\"}");

        awaitAppliedUpTo(id, TestClock.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS));
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.getRecords().stream()
                .anyMatch(r -> id.equals(r.key())));
    }
}
