package org.salescrm.analytics.delivery.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.delivery.AlertEvents;
import org.salescrm.events.analytics.AlertRaised;
import org.salescrm.testsupport.TestTokens;

/** A subscription in a group robot's format receives the alert as the robot's markdown message. */
@QuarkusTest
class WebhookFormatIT {

    static final Duration WAIT = Duration.ofSeconds(30);
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
    void dingTalkRobotGetsAMarkdownMessageWithTitleAndReasons() {
        JsonPath body = delivered("DINGTALK");

        assertThat(body.getString("msgtype")).isEqualTo("markdown");
        assertThat(body.getString("markdown.title")).isEqualTo("MEDIUM STALLED_OPPORTUNITY raised");
        assertThat(body.getString("markdown.text")).startsWith("#### MEDIUM STALLED_OPPORTUNITY raised\n")
                .contains("- owner: rep-").contains("- status: OPEN").contains("- no activity for");
    }

    @Test
    void weComRobotGetsAMarkdownContent() {
        JsonPath body = delivered("WECOM");

        assertThat(body.getString("msgtype")).isEqualTo("markdown");
        assertThat(body.getString("markdown.content")).startsWith("#### MEDIUM STALLED_OPPORTUNITY raised\n")
                .contains("- no activity for");
        assertThat(body.getMap("markdown")).doesNotContainKey("title");
    }

    @Test
    void theFormatIsShownAndAnUnknownOneIsRefused() {
        String team = "team-" + UUID.randomUUID();
        String manager = TestTokens.manager("mgr-" + team, team);
        String id = given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("url", "http://localhost:9/hook", "secret", "s3cret", "teams", List.of(team)))
                .post("/api/v1/webhooks").then().statusCode(201).body("format", equalTo("STANDARD")).extract().path("id");
        given().auth().oauth2(manager).get("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("format", equalTo("STANDARD"));
        given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("url", "http://localhost:9/hook", "secret", "s3cret", "teams", List.of(team),
                        "format", "SLACK"))
                .post("/api/v1/webhooks").then().statusCode(422)
                .body("errors[0].field", equalTo("format")).body("errors[0].rule", equalTo("oneOf"));
    }

    private static JsonPath delivered(String format) {
        String team = "team-" + UUID.randomUUID();
        String manager = TestTokens.manager("mgr-" + team, team);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            given().auth().oauth2(manager).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "secret", "s3cret", "teams", List.of(team), "format", format))
                    .post("/api/v1/webhooks").then().statusCode(201).body("format", equalTo(format));
            AlertRaised alert = AlertEvents.raised("rep-" + team, team, UUID.randomUUID());
            alerts.publish(alert);
            await().atMost(WAIT).until(() -> receiver.receivedFor(alert.eventId()).size() == 1);
            return JsonPath.from(receiver.receivedFor(alert.eventId()).get(0).body());
        }
    }
}
