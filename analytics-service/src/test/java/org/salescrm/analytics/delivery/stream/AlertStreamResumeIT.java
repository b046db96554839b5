package org.salescrm.analytics.delivery.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.delivery.AlertEvents;
import org.salescrm.analytics.support.Db;
import org.salescrm.analytics.support.Events;
import org.salescrm.analytics.support.Fixtures;
import org.salescrm.events.analytics.AlertChanged;
import org.salescrm.events.analytics.AlertRaised;
import org.salescrm.events.analytics.AlertResolved;
import org.salescrm.testsupport.TestTokens;

/**
 * A client that lost its connection comes back with {@code Last-Event-ID}: it is sent the alert
 * events of its scope written since then, from the service's own outbox, then the live ones.
 * Alerts here are raised by the service's rules from real events on the real broker.
 */
@QuarkusTest
class AlertStreamResumeIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static AlertEvents live;

    @TestHTTPResource("/api/v1/alerts/stream")
    URI stream;

    @Inject
    Pool pool;

    @Inject
    AlertHub hub;

    Db db;

    @BeforeAll
    static void connect() {
        live = new AlertEvents();
    }

    @AfterAll
    static void disconnect() {
        live.close();
    }

    @BeforeEach
    void database() {
        db = new Db(pool);
    }

    @Test
    void reconnectingManagerReceivesWhatTheirTeamMissedThenLiveAlerts() {
        String team = unique("east");
        String otherTeam = unique("west");
        UUID alert = raisePastCloseDateAlert(team);
        String raised = outboxEventId(AlertRaised.TYPE, alert);
        // While the manager is away: another team's alert is raised, and theirs is acknowledged.
        UUID othersAlert = raisePastCloseDateAlert(otherTeam);
        given().auth().oauth2(TestTokens.manager("mgr-" + team, team)).post("/api/v1/alerts/{id}/acknowledge", alert)
                .then().statusCode(200);
        String acknowledged = outboxEventId(AlertChanged.TYPE, alert);

        try (SseClient manager = SseClient.resume(stream, TestTokens.manager("mgr-" + team, team), raised)) {
            assertThat(manager.status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> manager.received(acknowledged));

            assertThat(manager.events()).first().satisfies(first -> {
                assertThat(first.id()).isEqualTo(acknowledged);
                assertThat(first.name()).isEqualTo("changed");
                assertThat(first.data()).contains("\"status\":\"ACKNOWLEDGED\"");
            });
            assertThat(manager.received(raised)).as("the event it had already seen").isFalse();
            assertThat(manager.events()).noneMatch(e -> e.data().contains(othersAlert.toString()));

            AlertRaised next = AlertEvents.raised("rep-" + team, team, UUID.randomUUID());
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
                live.publish(next);
                return manager.received(next.eventId());
            });
            assertThat(manager.events().stream().filter(e -> e.id().equals(acknowledged))).hasSize(1);
        }
    }

    @Test
    void anEventIdTheServiceDoesNotKnowResumesWithLiveAlertsOnly() {
        String team = unique("north");
        for (String lastEventId : new String[] {UUID.randomUUID().toString(), "not-an-event-id"}) {
            try (SseClient manager = SseClient.resume(stream, TestTokens.manager("mgr-" + team, team), lastEventId)) {
                assertThat(manager.status()).isEqualTo(200);
                AlertResolved gone = AlertEvents.resolved(AlertEvents.raised("rep-" + team, team, UUID.randomUUID()));
                await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    live.publish(gone);
                    return manager.received(gone.eventId());
                });
            }
        }
    }

    @Test
    void aClosedResumedStreamStopsListening() {
        await().atMost(WAIT).until(() -> hub.listeners() == 0);
        String team = unique("gone");
        SseClient client = SseClient.resume(stream, TestTokens.manager("mgr-" + team, team), UUID.randomUUID().toString());
        await().atMost(WAIT).until(() -> client.comments() >= 1);
        assertThat(hub.listeners()).isEqualTo(1);

        client.close();

        await().atMost(WAIT).until(() -> hub.listeners() == 0);
    }

    /** A deal past its expected close date: the service raises a stalled-opportunity alert and writes its event. */
    private UUID raisePastCloseDateAlert(String team) {
        String rep = "rep-" + team;
        UUID customer = UUID.randomUUID();
        UUID opportunity = UUID.randomUUID();
        Instant now = Instant.now();
        Events.publish(Fixtures.customer(customer, rep, team, "C", now.minus(Duration.ofDays(10))),
                Fixtures.opened(customer, opportunity, rep, team, now.minus(Duration.ofDays(3)), BigDecimal.TEN,
                        Fixtures.day(now).minusDays(5)));
        await().atMost(WAIT).until(() -> db.row("SELECT id FROM alert WHERE subject_id = $1", opportunity) != null);
        return db.row("SELECT id FROM alert WHERE subject_id = $1", opportunity).getUUID("id");
    }

    private String outboxEventId(String type, UUID alert) {
        await().atMost(WAIT).until(() -> eventRow(type, alert) != null);
        return eventRow(type, alert).getUUID("event_id").toString();
    }

    private Row eventRow(String type, UUID alert) {
        return db.row("SELECT event_id FROM outbox_event WHERE type = $1 AND payload LIKE '%' || $2 || '%' "
                + "ORDER BY seq DESC LIMIT 1", type, alert.toString());
    }

    private static String unique(String team) {
        return team + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
