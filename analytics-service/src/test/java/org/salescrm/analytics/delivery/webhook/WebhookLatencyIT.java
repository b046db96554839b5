package org.salescrm.analytics.delivery.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.delivery.AlertEvents;
import org.salescrm.events.analytics.AlertRaised;
import org.salescrm.testsupport.TestTokens;

/**
 * An alert's webhook goes out well within a second of the alert being published, because storing its
 * delivery wakes the dispatcher: here the dispatcher's poll runs once an hour, so only the wake-up
 * can deliver at all.
 */
@QuarkusTest
@TestProfile(WebhookLatencyIT.PollOnceAnHour.class)
class WebhookLatencyIT {

    private static final int ALERTS = 20;

    public static class PollOnceAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crm.webhooks.dispatch-interval", "1h");
        }
    }

    static AlertEvents alerts;

    @BeforeAll
    static void connect() {
        alerts = new AlertEvents();
    }

    @AfterAll
    static void disconnect() {
        alerts.close();
    }

    @Test
    void anAlertsWebhookGoesOutWithinASecond() {
        String team = "fast-" + UUID.randomUUID().toString().substring(0, 8);
        String manager = TestTokens.manager("mgr-" + team, team);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            given().auth().oauth2(manager).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "secret", "latency-test-secret", "teams", List.of(team)))
                    .post("/api/v1/webhooks").then().statusCode(201);
            deliveredWithin(receiver, team, Duration.ofSeconds(10)); // the first send warms the client up

            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < ALERTS; i++) {
                millis.add(deliveredWithin(receiver, team, Duration.ofSeconds(5)));
            }

            List<Long> sorted = millis.stream().sorted().toList();
            System.out.printf("alert-published-to-webhook over %d alerts: p50 %d ms, p90 %d ms, max %d ms%n", ALERTS,
                    sorted.get(ALERTS / 2), sorted.get((int) Math.ceil(ALERTS * 0.9) - 1), sorted.get(ALERTS - 1));
            assertThat(sorted.get(ALERTS / 2)).as("median alert-to-webhook, ms").isLessThan(1000);
        }
    }

    /** Publishes an alert and answers the milliseconds from its publication to its webhook. */
    private static long deliveredWithin(WebhookReceiver receiver, String team, Duration limit) {
        AlertRaised alert = AlertEvents.raised("rep-" + team, team, UUID.randomUUID());
        long published = System.nanoTime();
        alerts.publish(alert);
        await().atMost(limit).pollInterval(Duration.ofMillis(2))
                .until(() -> !receiver.receivedFor(alert.eventId()).isEmpty());
        return (System.nanoTime() - published) / 1_000_000;
    }
}
