package org.salescrm.analytics.delivery.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

    /**
     * The receiver checks the signature as DingTalk's custom-robot documentation says a robot secured by 加签 does:
     * {@code sign} is the URL-encoded base64 HMAC-SHA256 of {@code timestamp + "\n" + secret} keyed with the secret,
     * and the timestamp (milliseconds) within an hour of its clock; the robot's own token stays in the URL.
     */
    @Test
    void dingTalkRobotSecuredBySigningGetsTheTimestampAndSignInItsUrl() throws Exception {
        String secret = "SEC" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        WebhookReceiver.Received request = receivedBy("DINGTALK", secret, "access_token=robot-token-1");

        Map<String, String> query = query(request.query());
        assertThat(query.get("access_token")).isEqualTo("robot-token-1");
        long timestamp = Long.parseLong(query.get("timestamp"));
        assertThat(Duration.between(Instant.ofEpochMilli(timestamp), Instant.now()).abs()).isLessThan(Duration.ofHours(1));
        // Base64 always ends in '=' for a 32-byte digest: sent raw, a robot would read another value.
        assertThat(rawValue(request.query(), "sign")).doesNotContain("=", "+", "/").endsWith("%3D");
        assertThat(query.get("sign")).isEqualTo(dingTalkSign(secret, timestamp));
        JsonPath body = JsonPath.from(request.body());
        assertThat(body.getString("msgtype")).isEqualTo("markdown");
        assertThat(body.getString("markdown.title")).isEqualTo("MEDIUM STALLED_OPPORTUNITY raised");
        assertThat(body.getString("markdown.text")).startsWith("#### MEDIUM STALLED_OPPORTUNITY raised\n")
                .contains("- no activity for 16 days");
    }

    /**
     * A robot answers 200 to a message it refuses, with the reason in its JSON: that attempt failed (and is retried),
     * it was not delivered; an answer with errcode 0 is.
     */
    @Test
    void aRobotsErrcodeFailsTheAttemptThoughTheStatusIs200() {
        String team = "team-" + UUID.randomUUID();
        String manager = TestTokens.manager("mgr-" + team, team);
        try (WebhookReceiver receiver = WebhookReceiver.start()
                .answeringBody("{\"errcode\":310000,\"errmsg\":\"sign not match\"}")) {
            String id = given().auth().oauth2(manager).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url("access_token=t"), "secret", "SECwrong", "teams", List.of(team),
                            "format", "DINGTALK"))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
            AlertRaised alert = AlertEvents.raised("rep-" + team, team, UUID.randomUUID());
            alerts.publish(alert);
            await().atMost(WAIT).until(() -> receiver.receivedFor(alert.eventId()).size() >= 2);
            receiver.answeringBody("{\"errcode\":0,\"errmsg\":\"ok\"}");

            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(manager)
                    .get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                    .body("items[0].status", equalTo("DELIVERED"))
                    .body("items[0].log[0].statusCode", equalTo(200))
                    .body("items[0].log[0].error", equalTo("the robot answered errcode 310000: sign not match"))
                    .body("items[0].lastError", org.hamcrest.Matchers.nullValue()));
        }
    }

    @Test
    void dingTalkRobotWithoutSecretGetsItsUrlAsItIs() {
        WebhookReceiver.Received request = receivedBy("DINGTALK", null, "access_token=robot-token-2");

        assertThat(request.query()).isEqualTo("access_token=robot-token-2");
        assertThat(request.webhookSignature()).isNull();
        assertThat(JsonPath.from(request.body()).getString("markdown.title")).isEqualTo("MEDIUM STALLED_OPPORTUNITY raised");
    }

    /** A WeCom robot has no signing: its key in the URL is all it checks, so a subscription needs no secret. */
    @Test
    void weComRobotNeedsNoSecretAndGetsItsKeyUrlUnchanged() {
        WebhookReceiver.Received request = receivedBy("WECOM", null, "key=robot-key-3");

        assertThat(request.query()).isEqualTo("key=robot-key-3");
        assertThat(request.webhookSignature()).isNull();
        assertThat(request.signature()).isNull();
        JsonPath body = JsonPath.from(request.body());
        assertThat(body.getString("msgtype")).isEqualTo("markdown");
        assertThat(body.getMap("markdown")).containsOnlyKeys("content");
        assertThat(body.getString("markdown.content")).startsWith("#### MEDIUM STALLED_OPPORTUNITY raised\n");
    }

    @Test
    void aStandardSubscriptionStillNeedsItsSecretAndNoRobotTakesAnAddress() {
        String team = "team-" + UUID.randomUUID();
        String manager = TestTokens.manager("mgr-" + team, team);
        given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("url", "http://localhost:9/hook", "teams", List.of(team)))
                .post("/api/v1/webhooks").then().statusCode(422)
                .body("errors[0].field", equalTo("secret")).body("errors[0].rule", equalTo("NotBlank"));
        given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("url", "http://localhost:9/hook", "teams", List.of(team), "format", "DINGTALK",
                        "email", "sales@example.com"))
                .post("/api/v1/webhooks").then().statusCode(422)
                .body("errors[0].field", equalTo("email")).body("errors[0].rule", equalTo("Null"));
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

    private static WebhookReceiver.Received receivedBy(String format, String secret, String robotQuery) {
        String team = "team-" + UUID.randomUUID();
        String manager = TestTokens.manager("mgr-" + team, team);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Map<String, Object> subscription = new LinkedHashMap<>(Map.of("url", receiver.url(robotQuery),
                    "teams", List.of(team), "format", format));
            if (secret != null) {
                subscription.put("secret", secret);
            }
            given().auth().oauth2(manager).contentType(ContentType.JSON).body(subscription)
                    .post("/api/v1/webhooks").then().statusCode(201).body("format", equalTo(format));
            AlertRaised alert = AlertEvents.raised("rep-" + team, team, UUID.randomUUID());
            alerts.publish(alert);
            await().atMost(WAIT).until(() -> receiver.receivedFor(alert.eventId()).size() == 1);
            return receiver.receivedFor(alert.eventId()).get(0);
        }
    }

    /** Written from DingTalk's documentation, not from the service's code. */
    private static String dingTalkSign(String secret, long timestamp) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            values.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String rawValue(String raw, String name) {
        for (String pair : raw.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
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
