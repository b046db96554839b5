package org.salescrm.analytics.delivery.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.delivery.AlertEvents;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.events.Topics;
import org.salescrm.events.analytics.AlertRaised;
import org.salescrm.testsupport.Concurrently;
import org.salescrm.testsupport.TestTokens;

/** Webhooks end to end: subscriptions over the API, alert events from the real broker, a real receiver on localhost. */
@QuarkusTest
class WebhookIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SECRET = "s3cret-for-the-receiver-only";
    static AlertEvents alerts;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    WebhookSubscriptions subscriptions;

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

    @Test
    void receiverGetsTheAlertSignedWithTheSecret() throws Exception {
        String team = unique("east");
        String manager = TestTokens.manager("mgr-" + team, team);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = subscribe(manager, receiver.url(), team);
            AlertRaised alert = AlertEvents.raised("rep-" + team, team, UUID.randomUUID());

            alerts.publish(alert);

            await().atMost(WAIT).until(() -> receiver.receivedFor(alert.eventId()).size() == 1);
            WebhookReceiver.Received request = receiver.receivedFor(alert.eventId()).get(0);
            assertThat(request.signature()).isEqualTo("sha256=" + hmacSha256Hex(SECRET, request.raw()));
            assertThat(signatureMatches(request.signature(), SECRET, request.raw())).isTrue();
            assertThat(signatureMatches(request.signature(), "another-secret-entirely", request.raw())).isFalse();
            assertThat(request.eventType()).isEqualTo(AlertRaised.TYPE);
            assertThat(request.contentType()).startsWith("application/json");
            JsonPath body = JsonPath.from(request.body());
            assertThat(body.getString("eventId")).isEqualTo(alert.eventId().toString());
            assertThat(body.getString("event")).isEqualTo("raised");
            assertThat(body.getString("alertId")).isEqualTo(alert.aggregateId().toString());
            assertThat(body.getString("id")).isEqualTo(alert.aggregateId().toString());
            assertThat(body.getString("type")).isEqualTo(alert.alertType());
            assertThat(body.getString("ownerTeam")).isEqualTo(team);
            assertThat(body.getString("reasons[0].code")).isEqualTo("IDLE");

            await().atMost(WAIT).untilAsserted(() -> as(manager).get("/api/v1/webhooks/" + id + "/deliveries")
                    .then().statusCode(200)
                    .body("items[0].eventId", equalTo(alert.eventId().toString()))
                    .body("items[0].status", equalTo("DELIVERED"))
                    .body("items[0].attempts", equalTo(1))
                    .body("items[0].lastStatusCode", equalTo(200))
                    .body("items[0].deliveredAt", not(nullValue()))
                    .body("items[0].log[0].statusCode", equalTo(200)));
        }
    }

    @Test
    void receiverVerifiesTheStandardWebhooksSignatureAndSeesOneIdOnEveryRetry() {
        String team = unique("std");
        String manager = TestTokens.manager("mgr-" + team, team);
        try (WebhookReceiver receiver = WebhookReceiver.start().answering(500)) {
            subscribe(manager, receiver.url(), team);
            AlertRaised alert = AlertEvents.raised("rep-" + team, team, UUID.randomUUID());

            alerts.publish(alert);

            await().atMost(WAIT).until(() -> receiver.receivedFor(alert.eventId()).size() == 2);
            List<WebhookReceiver.Received> attempts = receiver.receivedFor(alert.eventId());
            assertThat(attempts).extracting(WebhookReceiver.Received::webhookId)
                    .containsOnly(alert.eventId().toString());
            for (WebhookReceiver.Received request : attempts) {
                assertThat(StandardWebhooksReceiver.verify(SECRET, request, Instant.now())).isTrue();
                assertThat(StandardWebhooksReceiver.verify("another-secret-entirely", request, Instant.now())).isFalse();
                // A captured delivery replayed later than the tolerance, or with its body changed, is refused.
                assertThat(StandardWebhooksReceiver.verify(SECRET, request, Instant.now().plus(Duration.ofMinutes(6))))
                        .isFalse();
                WebhookReceiver.Received tampered = new WebhookReceiver.Received(request.signature(), request.eventId(),
                        request.eventType(), request.contentType(), request.body().replace("IDLE", "DWELL")
                                .getBytes(StandardCharsets.UTF_8),
                        request.webhookId(), request.webhookTimestamp(), request.webhookSignature(), request.query());
                assertThat(StandardWebhooksReceiver.verify(SECRET, tampered, Instant.now())).isFalse();
                // The old header still comes, for one release.
                assertThat(request.signature()).isEqualTo("sha256=" + hmacSha256Hex(SECRET, request.raw()));
            }
        }
    }

    @Test
    void targetsOnPrivateAddressesAreRefusedNamingTheUrl() {
        String admin = TestTokens.admin("admin");
        for (String url : List.of("http://10.0.0.5/hook", "http://172.20.1.1/hook", "http://192.168.1.1:8080/hook",
                "http://169.254.169.254/latest/meta-data/", "http://127.0.0.2:9/hook", "http://0.0.0.0/hook",
                "http://[::1]:8080/hook", "http://[fd00::1]/hook", "http://[fe80::1]/hook", "http://224.0.0.1/hook",
                "http://[::ffff:10.0.0.1]/hook")) {
            as(admin).body(Map.of("url", url, "secret", SECRET, "teams", List.of("east")))
                    .post("/api/v1/webhooks").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://salescrm.dev/problems/validation"))
                    .body("errors.field", equalTo(List.of("url")))
                    .body("errors.rule", equalTo(List.of("publicAddress")))
                    .body("detail", containsString("public"));
            as(admin).get("/api/v1/webhooks?limit=200").then().statusCode(200)
                    .body("items.url", not(hasItem(url)));
        }
    }

    @Test
    void deliveryToAHostNoLongerOnAPublicAddressIsNotSent() {
        String team = unique("rebind");
        String manager = TestTokens.manager("mgr-" + team, team);
        // As if the name had resolved to a public address when subscribed and to this one now: the row
        // is written directly, since the API would refuse this URL.
        try (WebhookReceiver receiver = WebhookReceiver.on("127.0.0.2")) {
            UUID id = UUID.randomUUID();
            subscriptions.insert(pool, id, new DeliveryTarget(WebhookFormat.STANDARD, receiver.urlByAddress(), SECRET, null),
                    List.of(team), "mgr-" + team, Instant.now(), List.of())
                    .await().atMost(WAIT);
            AlertRaised alert = AlertEvents.raised("rep-" + team, team, UUID.randomUUID());

            alerts.publish(alert);

            await().atMost(WAIT).untilAsserted(() -> as(manager).get("/api/v1/webhooks/" + id + "/deliveries")
                    .then().statusCode(200)
                    .body("items[0].eventId", equalTo(alert.eventId().toString()))
                    .body("items[0].attempts", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                    .body("items[0].lastError", containsString("127.0.0.2, which is not a public address")));
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void failingReceiverIsRetriedWithBackoffAndEveryAttemptLogged() {
        String team = unique("west");
        String manager = TestTokens.manager("mgr-" + team, team);
        try (WebhookReceiver receiver = WebhookReceiver.start().answering(500, 500)) {
            String id = subscribe(manager, receiver.url(), team);
            AlertRaised alert = AlertEvents.raised("rep-" + team, team, UUID.randomUUID());

            alerts.publish(alert);

            await().atMost(WAIT).untilAsserted(() -> as(manager).get("/api/v1/webhooks/" + id + "/deliveries")
                    .then().statusCode(200).body("items[0].status", equalTo("DELIVERED")));
            JsonPath log = as(manager).get("/api/v1/webhooks/" + id + "/deliveries").then().extract().jsonPath();
            assertThat(log.getInt("items[0].attempts")).isEqualTo(3);
            assertThat(log.getList("items[0].log.statusCode", Integer.class)).containsExactly(500, 500, 200);
            assertThat(log.getList("items[0].log.error", String.class).get(0)).contains("500");
            assertThat(log.getString("items[0].nextAttemptAt")).isNull();
            List<Instant> at = log.getList("items[0].log.attemptedAt", String.class).stream().map(Instant::parse).toList();
            // crm.webhooks.base-delay is 200ms in tests: the second wait is at least twice the first's base.
            assertThat(Duration.between(at.get(0), at.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            assertThat(Duration.between(at.get(1), at.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            assertThat(receiver.receivedFor(alert.eventId())).hasSize(3)
                    .extracting(WebhookReceiver.Received::signature).containsOnly(
                            "sha256=" + hmacSha256Hex(SECRET, receiver.receivedFor(alert.eventId()).get(0).raw()));
        }
    }

    @Test
    void receiverThatKeepsFailingIsGivenUpAfterTheLastAttempt() {
        String team = unique("down");
        String admin = TestTokens.admin("admin-" + team);
        try (WebhookReceiver receiver = WebhookReceiver.start().alwaysAnswer(503)) {
            String id = subscribe(admin, receiver.url(), team);
            AlertRaised alert = AlertEvents.raised("rep-" + team, team, UUID.randomUUID());

            alerts.publish(alert);

            // crm.webhooks.max-attempts is 4 in tests
            await().atMost(WAIT).untilAsserted(() -> as(admin).get("/api/v1/webhooks/" + id + "/deliveries")
                    .then().statusCode(200)
                    .body("items[0].status", equalTo("FAILED"))
                    .body("items[0].attempts", equalTo(4))
                    .body("items[0].lastStatusCode", equalTo(503))
                    .body("items[0].nextAttemptAt", nullValue())
                    .body("items[0].deliveredAt", nullValue()));
            assertThat(receiver.receivedFor(alert.eventId())).hasSize(4);
        }
    }

    @Test
    void hangingReceiverDoesNotHoldUpTheConsumer() {
        String team = unique("slow");
        String manager = TestTokens.manager("mgr-" + team, team);
        try (WebhookReceiver receiver = WebhookReceiver.start().hanging()) {
            String id = subscribe(manager, receiver.url(), team);
            AlertRaised first = AlertEvents.raised("rep-" + team, team, UUID.randomUUID());
            alerts.publish(first);
            await().atMost(WAIT).until(() -> receiver.receivedFor(first.eventId()).size() >= 1);

            List<AlertRaised> more = IntStream.range(0, 5)
                    .mapToObj(i -> AlertEvents.raised("rep-" + team, team, UUID.randomUUID())).toList();
            more.forEach(alerts::publish);

            // The receiver has answered nothing, yet every later alert is enqueued for it.
            await().atMost(WAIT).untilAsserted(() -> as(manager).get("/api/v1/webhooks/" + id + "/deliveries")
                    .then().statusCode(200).body("items.size()", equalTo(6)));
            assertThat(receiver.received()).allSatisfy(r -> assertThat(r.eventId()).isEqualTo(first.eventId().toString()));
        }
    }

    @Test
    void dispatchersRacingOverTheSameDeliveriesSendEachOnce() throws Exception {
        String team = unique("race");
        String manager = TestTokens.manager("mgr-" + team, team);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = subscribe(manager, receiver.url(), team);
            List<AlertRaised> sent = IntStream.range(0, 8)
                    .mapToObj(i -> AlertEvents.raised("rep-" + team, team, UUID.randomUUID())).toList();
            sent.forEach(alerts::publish);
            await().atMost(WAIT).untilAsserted(() -> as(manager).get("/api/v1/webhooks/" + id + "/deliveries")
                    .then().statusCode(200).body("items.size()", equalTo(sent.size())));

            // As several instances would, alongside this instance's own schedule.
            Concurrently.run(3, () -> dispatcher.dispatchBatch());

            await().atMost(WAIT).until(() -> sent.stream().allMatch(a -> !receiver.receivedFor(a.eventId()).isEmpty()));
            assertThat(sent).allSatisfy(a -> assertThat(receiver.receivedFor(a.eventId())).hasSize(1));
        }
    }

    @Test
    void redeliveredAlertEventIsDeliveredOnce() {
        String team = unique("dup");
        String manager = TestTokens.manager("mgr-" + team, team);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = subscribe(manager, receiver.url(), team);
            UUID customer = UUID.randomUUID();
            AlertRaised alert = AlertEvents.raised("rep-" + team, team, customer);
            AlertRaised marker = AlertEvents.raised("rep-" + team, team, customer);
            String json = AlertEvents.envelope(alert);

            alerts.publish(customer.toString(), json);
            alerts.publish(customer.toString(), json);
            // Same key, same partition: once the marker is delivered, both copies before it were consumed.
            alerts.publish(marker);

            await().atMost(WAIT).until(() -> receiver.receivedFor(marker.eventId()).size() == 1);
            assertThat(receiver.receivedFor(alert.eventId())).hasSize(1);
            as(manager).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                    .body("items.size()", equalTo(2));
        }
    }

    @Test
    void otherTeamsAlertsAreNotDeliveredButAnAllTeamsSubscriptionGetsThem() {
        String team = unique("mine");
        String otherTeam = unique("theirs");
        String admin = TestTokens.admin("admin-" + team);
        try (WebhookReceiver teamReceiver = WebhookReceiver.start(); WebhookReceiver allReceiver = WebhookReceiver.start()) {
            subscribe(TestTokens.manager("mgr-" + team, team), teamReceiver.url(), team);
            String all = as(admin).body(Map.of("url", allReceiver.url(), "secret", SECRET, "teams", List.of()))
                    .post("/api/v1/webhooks").then().statusCode(201)
                    .body("teams.size()", equalTo(0)).extract().path("id");
            try {
                UUID customer = UUID.randomUUID();
                AlertRaised others = AlertEvents.raised("rep-" + otherTeam, otherTeam, customer);
                AlertRaised ours = AlertEvents.raised("rep-" + team, team, customer);

                alerts.publish(others);
                alerts.publish(ours);

                await().atMost(WAIT).until(() -> teamReceiver.receivedFor(ours.eventId()).size() == 1
                        && allReceiver.receivedFor(ours.eventId()).size() == 1
                        && allReceiver.receivedFor(others.eventId()).size() == 1);
                assertThat(teamReceiver.receivedFor(others.eventId())).isEmpty();
            } finally {
                // An all-teams subscription would collect every later test's alerts.
                as(admin).delete("/api/v1/webhooks/" + all).then().statusCode(204);
            }
        }
    }

    @Test
    void recordOnTheAlertTopicThatIsNoEventIsDeadLettered() {
        String key = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = new KafkaCompanion(SharedKafka.bootstrapServers())) {
            ConsumerTask<String, String> deadLetters = kafka.consumeStrings()
                    .fromTopics(Topics.deadLetter("analytics-service"));

            alerts.publish(key, "{\"not\": \"an alert\"}");

            await().atMost(WAIT).until(() -> deadLetters.getRecords().stream().anyMatch(r -> key.equals(r.key())));
            deadLetters.close();
        }
    }

    @Test
    void repCannotCreateOrListWebhooks() {
        String rep = TestTokens.rep("rep-east-1", "east");
        as(rep).body(Map.of("url", "https://hooks.example.com/crm", "secret", SECRET, "teams", List.of("east")))
                .post("/api/v1/webhooks").then().statusCode(403)
                .contentType("application/problem+json");
        as(rep).get("/api/v1/webhooks").then().statusCode(403);
    }

    @Test
    void managerCannotSubscribeAnotherTeamAndNoTeamMeansTheirOwn() {
        String manager = TestTokens.manager("mgr-east", "east");
        as(manager).body(Map.of("url", "https://hooks.example.com/crm", "secret", SECRET,
                        "teams", List.of("east", "west")))
                .post("/api/v1/webhooks").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("west"));
        as(manager).body(Map.of("url", "https://hooks.example.com/crm", "secret", SECRET, "teams", List.of()))
                .post("/api/v1/webhooks").then().statusCode(201)
                .body("teams", equalTo(List.of("east")));
        as(manager).header("Accept-Language", "zh-CN")
                .body(Map.of("url", "https://hooks.example.com/crm", "secret", SECRET, "teams", List.of("west")))
                .post("/api/v1/webhooks").then().statusCode(403)
                .body("detail", containsString("您只能订阅自己管理的团队"));
    }

    @Test
    void badUrlOrSecretIsRefusedNamingTheField() {
        String admin = TestTokens.admin("admin");
        for (String url : List.of("ftp://hooks.example.com/crm", "not a url", "/relative/path",
                "https://user:pass@hooks.example.com/crm", "")) {
            as(admin).body(Map.of("url", url, "secret", SECRET, "teams", List.of("east")))
                    .post("/api/v1/webhooks").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("url"));
        }
        as(admin).body(Map.of("url", "https://hooks.example.com/crm", "secret", "   ", "teams", List.of("east")))
                .post("/api/v1/webhooks").then().statusCode(422)
                .body("errors.field", hasItem("secret"))
                .body("errors.rule", hasItem("NotBlank"));
        as(admin).body(Map.of("url", "https://hooks.example.com/crm", "secret", "x".repeat(201), "teams", List.of()))
                .post("/api/v1/webhooks").then().statusCode(422)
                .body("errors.field", hasItem("secret"));
        as(admin).body(Map.of("url", "https://hooks.example.com/crm", "teams", List.of("east")))
                .post("/api/v1/webhooks").then().statusCode(422)
                .body("errors.field", hasItem("secret"))
                .body("errors.rule", hasItem("NotBlank"));
        as(admin).body(Map.of("url", "https://hooks.example.com/crm", "secret", SECRET,
                        "teams", List.of("east", " ", "x".repeat(201))))
                .post("/api/v1/webhooks").then().statusCode(422)
                .body("errors.field", equalTo(List.of("teams[1]", "teams[2]")))
                .body("errors.rule", equalTo(List.of("NotBlank", "Size")));
        as(admin).body(Map.of("url", "https://hooks.example.com/crm", "secret", SECRET, "createdBy", "someone"))
                .post("/api/v1/webhooks").then().statusCode(400)
                .body("errors.field", hasItem("createdBy"));
    }

    @Test
    void secretIsNeverReturned() {
        String team = unique("quiet");
        String manager = TestTokens.manager("mgr-" + team, team);
        String created = as(manager).body(Map.of("url", "https://hooks.example.com/" + team, "secret", SECRET,
                        "teams", List.of(team)))
                .post("/api/v1/webhooks").then().statusCode(201)
                .body("url", equalTo("https://hooks.example.com/" + team))
                .body("teams", equalTo(List.of(team)))
                .body("createdBy", equalTo("mgr-" + team))
                .body("version", equalTo(1))
                .extract().asString();
        String id = JsonPath.from(created).getString("id");
        String one = as(manager).get("/api/v1/webhooks/" + id).then().statusCode(200).extract().asString();
        String list = as(manager).get("/api/v1/webhooks").then().statusCode(200)
                .body("items.id", hasItem(id)).extract().asString();
        String adminList = as(TestTokens.admin("admin")).get("/api/v1/webhooks?limit=200").then().statusCode(200)
                .extract().asString();

        for (String body : List.of(created, one, list, adminList)) {
            assertThat(body).doesNotContain(SECRET).doesNotContain("\"secret\"");
        }
    }

    @Test
    void managerSeesAndDeletesOnlyTheirTeamsWebhooks() {
        String team = unique("own");
        String otherTeam = unique("foreign");
        String manager = TestTokens.manager("mgr-" + team, team);
        String otherManager = TestTokens.manager("mgr-" + otherTeam, otherTeam);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = subscribe(manager, receiver.url(), team);

            as(otherManager).get("/api/v1/webhooks/" + id).then().statusCode(404);
            as(otherManager).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(404);
            as(otherManager).get("/api/v1/webhooks").then().statusCode(200).body("items.id", not(hasItem(id)));
            as(otherManager).delete("/api/v1/webhooks/" + id).then().statusCode(404);
            as(TestTokens.admin("admin")).get("/api/v1/webhooks/" + id).then().statusCode(200);

            as(manager).delete("/api/v1/webhooks/" + id).then().statusCode(204);
            as(manager).get("/api/v1/webhooks/" + id).then().statusCode(404);
            as(manager).delete("/api/v1/webhooks/" + id).then().statusCode(404);
            as(manager).get("/api/v1/webhooks").then().statusCode(200).body("items.id", not(hasItem(id)));

            // A deleted subscription receives nothing more: a live one for the same team shows the alert went out.
            try (WebhookReceiver live = WebhookReceiver.start()) {
                subscribe(manager, live.url(), team);
                AlertRaised alert = AlertEvents.raised("rep-" + team, team, UUID.randomUUID());
                alerts.publish(alert);
                await().atMost(WAIT).until(() -> live.receivedFor(alert.eventId()).size() == 1);
                assertThat(receiver.received()).isEmpty();
            }
        }
    }

    @Test
    void retriedCreateWithTheSameIdempotencyKeyReturnsTheFirstSubscription() {
        String team = unique("retry");
        String manager = TestTokens.manager("mgr-" + team, team);
        String key = "webhook-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("url", "https://hooks.example.com/" + team, "secret", SECRET,
                "teams", List.of(team));

        String first = as(manager).header("Idempotency-Key", key).body(body).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        as(manager).header("Idempotency-Key", key).body(body).post("/api/v1/webhooks")
                .then().statusCode(200).body("id", equalTo(first));
        as(manager).get("/api/v1/webhooks").then().statusCode(200)
                .body("items.findAll { it.url == 'https://hooks.example.com/" + team + "' }.size()", equalTo(1));
    }

    private static String subscribe(String token, String url, String team) {
        return as(token).body(Map.of("url", url, "secret", SECRET, "teams", List.of(team)))
                .post("/api/v1/webhooks").then().statusCode(201)
                .header("Location", containsString("/api/v1/webhooks/"))
                .extract().path("id");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** What a receiver computes: HMAC-SHA256 of the raw body with the shared secret, in lowercase hex. */
    private static String hmacSha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A receiver compares in constant time, so the signature leaks nothing through timing. */
    private static boolean signatureMatches(String header, String secret, byte[] body) {
        byte[] expected = ("sha256=" + hmacSha256Hex(secret, body)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.US_ASCII));
    }

    private static String unique(String team) {
        return team + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
