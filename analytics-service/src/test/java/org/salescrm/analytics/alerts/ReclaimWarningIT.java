package org.salescrm.analytics.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.salescrm.analytics.support.Fixtures.day;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.support.Db;
import org.salescrm.analytics.support.Events;
import org.salescrm.analytics.support.Fixtures;
import org.salescrm.analytics.support.TestClock;
import org.salescrm.events.EventCodec;
import org.salescrm.events.Topics;
import org.salescrm.events.analytics.AlertRaised;
import org.salescrm.events.analytics.AlertResolved;
import org.salescrm.events.customer.CustomerOwnerChanged;
import org.salescrm.events.customer.CustomerReclaimWarning;
import org.salescrm.testsupport.TestTokens;

/**
 * customer-service's CustomerReclaimWarning, through the real broker, becomes a RECLAIM_WARNING
 * alert for the owning rep with the days left, on crm.alerts (so the stream and webhooks carry it),
 * resolved by a visit or by the reclaim; GET /alerts filters by severity and escalated.
 */
@QuarkusTest
class ReclaimWarningIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static ConsumerTask<String, String> alertEvents;

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    Db db;
    String team;
    String rep;
    UUID customer;
    Instant now;

    @BeforeAll
    static void listen() {
        alertEvents = Events.kafka().consumeStrings().fromTopics(Topics.ALERTS);
    }

    @AfterAll
    static void stopListening() {
        alertEvents.close();
    }

    @BeforeEach
    void fresh() {
        db = new Db(pool);
        team = "team-" + UUID.randomUUID();
        rep = "rep-" + UUID.randomUUID();
        customer = UUID.randomUUID();
        now = Instant.now();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A grade C customer (never a churn risk) silent for 27 days, returning to the pool in three. */
    private LocalDate warned() {
        LocalDate reclaimOn = day(now).plusDays(3);
        Events.publish(Fixtures.customer(customer, rep, team, "C", now.minus(Duration.ofDays(40))),
                new CustomerReclaimWarning(UUID.randomUUID(), customer, 0, rep, team, now, "客户-" + customer,
                        reclaimOn, 27, "C"));
        await().atMost(WAIT).until(() -> db.row("SELECT 1 FROM alert WHERE type = 'RECLAIM_WARNING' "
                + "AND subject_id = $1 AND status = 'OPEN'", customer) != null);
        return reclaimOn;
    }

    private Map<String, Object> onlyReclaimAlert(String token, Map<String, Object> query) {
        return given().auth().oauth2(token).queryParams(query).queryParam("type", "RECLAIM_WARNING")
                .queryParam("customerId", customer.toString()).get("/api/v1/alerts")
                .then().statusCode(200).body("items.size()", equalTo(1))
                .extract().jsonPath().getMap("items[0]");
    }

    private String resolution() {
        return db.row("SELECT resolution FROM alert WHERE type = 'RECLAIM_WARNING' AND subject_id = $1", customer)
                .getString("resolution");
    }

    @Test
    void warningBecomesTheOwningRepsAlertWithTheDaysLeftAndAVisitResolvesIt() {
        LocalDate reclaimOn = warned();

        String token = TestTokens.rep(rep, team);
        Map<String, Object> alert = onlyReclaimAlert(token, Map.of());
        assertThat(alert.get("ownerId")).isEqualTo(rep);
        assertThat(alert.get("ownerTeam")).isEqualTo(team);
        assertThat(alert.get("subjectId")).isEqualTo(customer.toString());
        assertThat(alert.get("severity")).isEqualTo("MEDIUM");
        given().auth().oauth2(token).queryParam("type", "RECLAIM_WARNING").queryParam("customerId", customer.toString())
                .get("/api/v1/alerts").then().statusCode(200)
                .body("items[0].reasons.code", contains("RECLAIM_DUE"))
                .body("items[0].reasons[0].value", equalTo(3))
                .body("items[0].reasons[0].threshold", equalTo(0))
                .body("items[0].reasons[0].message", equalTo("silent for 27 days: returns to the public pool on "
                        + reclaimOn + ", 3 days left, unless the customer is contacted"));
        // another rep of the team does not see it; the team's manager does
        given().auth().oauth2(TestTokens.rep("rep-" + UUID.randomUUID(), team)).queryParam("customerId", customer.toString())
                .get("/api/v1/alerts").then().statusCode(200).body("items.size()", equalTo(0));
        onlyReclaimAlert(TestTokens.manager("boss-" + UUID.randomUUID(), team), Map.of());

        // on crm.alerts, which the live stream and the webhooks deliver from
        await().atMost(WAIT).until(() -> alertEventsOf(AlertRaised.TYPE).size() == 1);
        AlertRaised raised = (AlertRaised) EventCodec.data(EventCodec.read(alertEventsOf(AlertRaised.TYPE).get(0)));
        assertThat(raised.alertType()).isEqualTo("RECLAIM_WARNING");
        assertThat(raised.ownerId()).isEqualTo(rep);

        Events.publish(Fixtures.visit(customer, null, rep, team, now.plusSeconds(1), "NEUTRAL", false));
        await().atMost(WAIT).until(() -> db.row("SELECT 1 FROM alert WHERE type = 'RECLAIM_WARNING' "
                + "AND subject_id = $1 AND status = 'RESOLVED'", customer) != null);
        assertThat(resolution()).isEqualTo("CAUSES_CLEARED");
        await().atMost(WAIT).until(() -> alertEventsOf(AlertResolved.TYPE).size() == 1);
    }

    @Test
    void theReclaimItselfResolvesTheWarning() {
        warned();
        Events.publish(new CustomerOwnerChanged(UUID.randomUUID(), customer, 1, null, null, now.plusSeconds(60), rep,
                team, "RECLAIMED", "silent 30 days", "system", "客户-" + customer, "C"));
        await().atMost(WAIT).until(() -> db.row("SELECT 1 FROM alert WHERE type = 'RECLAIM_WARNING' "
                + "AND subject_id = $1 AND status = 'RESOLVED'", customer) != null);
        assertThat(resolution()).isEqualTo("SUBJECT_CLOSED");
    }

    @Test
    void daysLeftCountDownAndAlertsFilterBySeverityAndEscalation() {
        LocalDate reclaimOn = warned();
        String manager = TestTokens.manager("boss-" + UUID.randomUUID(), team);
        onlyReclaimAlert(manager, Map.of("severity", "MEDIUM", "escalated", "false"));
        given().auth().oauth2(manager).queryParam("severity", "HIGH").queryParam("customerId", customer.toString())
                .get("/api/v1/alerts").then().statusCode(200).body("items.size()", equalTo(0));

        // two days on, unacknowledged: a day left (none when the test runs in the business day's last hour), HIGH,
        // and escalated
        Duration later = Duration.ofDays(2).plusHours(1);
        int daysLeft = (int) ChronoUnit.DAYS.between(day(now.plus(later)), reclaimOn);
        clock.advance(later);
        given().auth().oauth2(TestTokens.admin("admin-" + UUID.randomUUID())).post("/api/v1/alerts/scan")
                .then().statusCode(200);
        Map<String, Object> alert = onlyReclaimAlert(manager, Map.of("severity", "HIGH", "escalated", "true"));
        assertThat(alert.get("escalated")).isEqualTo(true);
        given().auth().oauth2(manager).queryParam("escalated", "false").queryParam("customerId", customer.toString())
                .get("/api/v1/alerts").then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(manager).queryParam("type", "RECLAIM_WARNING").queryParam("customerId", customer.toString())
                .get("/api/v1/alerts").then().statusCode(200).body("items[0].reasons[0].value", equalTo(daysLeft));
        given().auth().oauth2(manager).queryParam("severity", "URGENT").get("/api/v1/alerts").then().statusCode(400)
                .body("errors.field", contains("severity"));
        given().auth().oauth2(manager).queryParam("escalated", "maybe").get("/api/v1/alerts").then().statusCode(400)
                .body("errors.field", contains("escalated"));
    }

    private List<String> alertEventsOf(String type) {
        return alertEvents.getRecords().stream().filter(r -> customer.toString().equals(r.key()))
                .map(r -> r.value()).filter(v -> v.contains("\"type\":\"" + type + "\"")).toList();
    }
}
