package org.salescrm.analytics.delivery.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.delivery.AlertEvents;
import org.salescrm.events.analytics.AlertRaised;
import org.salescrm.testsupport.TestTokens;

/** GET /alerts/stream through the real broker: each caller receives, live, the alerts they may see and no others. */
@QuarkusTest
class AlertStreamIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static AlertEvents alerts;

    @TestHTTPResource("/api/v1/alerts/stream")
    URI stream;

    @Inject
    AlertHub hub;

    @BeforeAll
    static void connect() {
        alerts = new AlertEvents();
    }

    @AfterAll
    static void disconnect() {
        alerts.close();
    }

    @Test
    void managerReceivesTheirTeamsAlertsAndNotAnotherTeams() {
        String team = unique("east");
        String otherTeam = unique("west");
        try (SseClient manager = SseClient.open(stream, TestTokens.manager("mgr-" + team, team))) {
            assertThat(manager.status()).isEqualTo(200);
            assertThat(manager.contentType()).startsWith("text/event-stream");
            awaitLive(manager, () -> AlertEvents.raised("rep-" + team, team, UUID.randomUUID()));

            UUID customer = UUID.randomUUID();
            AlertRaised others = AlertEvents.raised("rep-" + otherTeam, otherTeam, customer);
            AlertRaised ours = AlertEvents.raised("rep-" + team, team, customer);
            // Same customer, same partition: once ours has arrived, the other team's was read before it.
            alerts.publish(others);
            alerts.publish(ours);

            await().atMost(WAIT).until(() -> manager.received(ours.eventId()));
            assertThat(manager.received(others.eventId())).as("another team's alert").isFalse();
            SseClient.Event event = manager.events().stream()
                    .filter(e -> e.id().equals(ours.eventId().toString())).findFirst().orElseThrow();
            assertThat(event.name()).isEqualTo("raised");
            JsonPath data = JsonPath.from(event.data());
            assertThat(data.getString("alertId")).isEqualTo(ours.aggregateId().toString());
            assertThat(data.getString("alertType")).isEqualTo("STALLED_OPPORTUNITY");
            // the names GET /alerts uses, so a client reads an alert the same way from either
            assertThat(data.getString("id")).isEqualTo(ours.aggregateId().toString());
            assertThat(data.getString("type")).isEqualTo("STALLED_OPPORTUNITY");
            assertThat(data.getString("subjectId")).isEqualTo(ours.subjectId().toString());
            assertThat(data.getString("ownerTeam")).isEqualTo(team);
            assertThat(data.getString("status")).isEqualTo("OPEN");
            assertThat(data.getString("reasons[0].message")).isEqualTo("no activity for 16 days; NEGOTIATION allows 7");
        }
    }

    @Test
    void changesAndResolutionFollowAndAnAdminSeesEveryTeam() {
        String team = unique("south");
        try (SseClient manager = SseClient.open(stream, TestTokens.manager("mgr-" + team, team));
             SseClient admin = SseClient.open(stream, TestTokens.admin("admin-" + team))) {
            awaitLive(manager, () -> AlertEvents.raised("rep-" + team, team, UUID.randomUUID()));
            AlertRaised raised = AlertEvents.raised("rep-" + team, team, UUID.randomUUID());
            var escalated = AlertEvents.escalated(raised);
            var resolved = AlertEvents.resolved(raised);

            alerts.publish(raised);
            alerts.publish(escalated);
            alerts.publish(resolved);

            await().atMost(WAIT).until(() -> manager.received(resolved.eventId()) && admin.received(resolved.eventId()));
            assertThat(manager.events().stream().filter(e -> e.data().contains(raised.aggregateId().toString()))
                    .map(SseClient.Event::name)).containsExactly("raised", "changed", "resolved");
            assertThat(admin.received(escalated.eventId())).as("the escalation reaches an admin").isTrue();
            SseClient.Event change = admin.events().stream()
                    .filter(e -> e.id().equals(escalated.eventId().toString())).findFirst().orElseThrow();
            assertThat(JsonPath.from(change.data()).getString("severity")).isEqualTo("HIGH");
            assertThat(JsonPath.from(change.data()).getString("change")).isEqualTo("ESCALATED");
        }
    }

    @Test
    void repReceivesOnlyTheirOwnAlerts() {
        String team = unique("north");
        String rep = "rep-" + team;
        try (SseClient client = SseClient.open(stream, TestTokens.rep(rep, team))) {
            awaitLive(client, () -> AlertEvents.raised(rep, team, UUID.randomUUID()));
            UUID customer = UUID.randomUUID();
            AlertRaised colleagues = AlertEvents.raised("other-" + rep, team, customer);
            AlertRaised own = AlertEvents.raised(rep, team, customer);

            alerts.publish(colleagues);
            alerts.publish(own);

            await().atMost(WAIT).until(() -> client.received(own.eventId()));
            assertThat(client.received(colleagues.eventId())).as("a teammate's alert").isFalse();
        }
    }

    @Test
    void idleStreamSendsHeartbeats() {
        String team = unique("quiet");
        try (SseClient client = SseClient.open(stream, TestTokens.rep("rep-" + team, team))) {
            // crm.alert-stream.heartbeat is 1s in tests
            await().atMost(WAIT).until(() -> client.comments() >= 3);
        }
    }

    @Test
    void closedStreamStopsListening() {
        // Streams the other tests closed are released too: none is left open on the server.
        await().atMost(WAIT).until(() -> hub.listeners() == 0);
        String team = unique("gone");
        SseClient client = SseClient.open(stream, TestTokens.manager("mgr-" + team, team));
        await().atMost(WAIT).until(() -> client.comments() >= 1);
        assertThat(hub.listeners()).isEqualTo(1);

        client.close();

        await().atMost(WAIT).until(() -> hub.listeners() == 0);
    }

    @Test
    void streamReadsTheTopicInAConsumerGroupOfThisInstanceAlone() {
        var config = ConfigProvider.getConfig();
        String streamGroup = config.getValue("mp.messaging.incoming.alert-stream.group.id", String.class);
        String serviceGroup = config.getValue("mp.messaging.incoming.alert-deliveries.group.id", String.class);

        assertThat(streamGroup).startsWith("analytics-service-stream-").isNotEqualTo(serviceGroup);
        assertThat(UUID.fromString(streamGroup.substring("analytics-service-stream-".length()))).isNotNull();
        assertThat(config.getValue("mp.messaging.incoming.alert-stream.auto.offset.reset", String.class))
                .isEqualTo("latest");
    }

    @Test
    void streamNeedsAToken() {
        given().accept("text/event-stream").get(stream).then().statusCode(401);
    }

    /**
     * The stream's consumer starts at the newest record once it has its partitions: until then an
     * alert published is never seen. Probes in the caller's scope are published until one comes through.
     */
    private static void awaitLive(SseClient client, Supplier<AlertRaised> probe) {
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            AlertRaised sent = probe.get();
            alerts.publish(sent);
            return client.events().stream().anyMatch(e -> e.data().contains(sent.ownerTeam()));
        });
    }

    private static String unique(String team) {
        return team + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
