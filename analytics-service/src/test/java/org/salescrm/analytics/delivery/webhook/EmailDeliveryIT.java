package org.salescrm.analytics.delivery.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.delivery.AlertEvents;
import org.salescrm.analytics.support.Db;
import org.salescrm.analytics.support.MailTestResource;
import org.salescrm.events.analytics.AlertRaised;
import org.salescrm.events.analytics.AlertReason;
import org.salescrm.testsupport.TestTokens;

/**
 * E-mail subscriptions end to end: subscribed over the API, alert events from the real broker, the mail sent by the
 * reactive mailer to a real SMTP server (GreenMail) listening in this JVM.
 */
@QuarkusTest
class EmailDeliveryIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static AlertEvents alerts;

    @MailTestResource.Smtp
    GreenMail smtp;

    @Inject
    Pool pool;

    @Inject
    WebhookSubscriptions subscriptions;

    @BeforeAll
    static void connect() {
        alerts = new AlertEvents();
    }

    @AfterAll
    static void disconnect() {
        alerts.close();
    }

    @Test
    void anAlertArrivesAsAMailToTheSubscribedAddress() throws Exception {
        String team = "team-" + UUID.randomUUID();
        String manager = TestTokens.manager("mgr-" + team, team);
        String address = "sales-" + team + "@example.com";
        String id = given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("format", "EMAIL", "email", address, "teams", List.of(team)))
                .post("/api/v1/webhooks").then().statusCode(201)
                .body("format", equalTo("EMAIL")).body("email", equalTo(address)).body("url", nullValue())
                .extract().path("id");
        AlertRaised alert = new AlertRaised(UUID.randomUUID(), UUID.randomUUID(), 1, "rep-" + team, team,
                AlertEvents.NOW, "CHURN_RISK", UUID.randomUUID(), UUID.randomUUID(), "HIGH",
                List.of(new AlertReason("SILENCE", "客户已 30 天未拜访 <超过 A 类的 14 天>", BigDecimal.valueOf(30),
                        BigDecimal.valueOf(14))), AlertEvents.NOW);

        alerts.publish(alert);

        MimeMessage mail = await().atMost(WAIT).until(() -> mailFor(alert.eventId()), Optional::isPresent).get();
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly(address);
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("crm-alerts@localhost");
        assertThat(mail.getSubject()).isEqualTo("[CRM] HIGH CHURN_RISK raised");
        assertThat(mail.getHeader("X-Crm-Event-Type")).containsExactly("crm.alert.raised.v1");
        assertThat(part(mail, "text/plain")).startsWith("HIGH CHURN_RISK raised\n")
                .contains("owner: rep-" + team + " (" + team + ")")
                .contains("status: OPEN")
                .contains("customer: " + alert.customerId())
                .contains("- 客户已 30 天未拜访 <超过 A 类的 14 天>")
                .contains("alert: " + alert.aggregateId());
        // What people wrote is text in the HTML, never markup.
        assertThat(part(mail, "text/html")).contains("<h3>HIGH CHURN_RISK raised</h3>")
                .contains("<li><strong>owner</strong>: rep-" + team + " (" + team + ")</li>")
                .contains("<li>客户已 30 天未拜访 &lt;超过 A 类的 14 天&gt;</li>");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(manager)
                .get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("items[0].eventId", equalTo(alert.eventId().toString()))
                .body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatusCode", nullValue())
                .body("items[0].log[0].error", nullValue()));
    }

    /**
     * An address the mail client refuses (written directly: the API would refuse it too) fails each attempt with
     * the reason, retried with back-off like a webhook until the attempts run out (4 in tests), then FAILED.
     */
    @Test
    void aMailThatCannotBeSentIsRetriedThenFailedWithTheReasonLogged() {
        String team = "team-" + UUID.randomUUID();
        String manager = TestTokens.manager("mgr-" + team, team);
        UUID id = UUID.randomUUID();
        subscriptions.insert(pool, id, new DeliveryTarget(WebhookFormat.EMAIL, null, null, "no-at-sign"),
                List.of(team), "mgr-" + team, java.time.Instant.now(), List.of()).await().atMost(WAIT);
        AlertRaised alert = AlertEvents.raised("rep-" + team, team, UUID.randomUUID());

        alerts.publish(alert);

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(manager)
                .get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("items[0].eventId", equalTo(alert.eventId().toString()))
                .body("items[0].status", equalTo("FAILED"))
                .body("items[0].attempts", equalTo(4))
                .body("items[0].log.size()", equalTo(4))
                .body("items[0].lastError", org.hamcrest.Matchers.containsString("an email address is invalid")));
        assertThat(mailFor(alert.eventId())).isEmpty();
    }

    @Test
    void anEmailSubscriptionIsScopedLikeAWebhook() {
        String team = "team-" + UUID.randomUUID();
        String manager = TestTokens.manager("mgr-" + team, team);
        String id = given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("format", "EMAIL", "email", "east@example.com", "teams", List.of(team)))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        String otherTeam = "team-" + UUID.randomUUID();
        String otherManager = TestTokens.manager("mgr-" + otherTeam, otherTeam);

        given().auth().oauth2(otherManager).get("/api/v1/webhooks/" + id).then().statusCode(404);
        given().auth().oauth2(otherManager).delete("/api/v1/webhooks/" + id).then().statusCode(404);
        given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("format", "EMAIL", "email", "west@example.com", "teams", List.of(otherTeam)))
                .post("/api/v1/webhooks").then().statusCode(403);
        given().auth().oauth2(TestTokens.rep("rep-" + team, team)).contentType(ContentType.JSON)
                .body(Map.of("format", "EMAIL", "email", "rep@example.com"))
                .post("/api/v1/webhooks").then().statusCode(403);
    }

    @Test
    void anInvalidAddressIsRefusedNamingTheFieldAndRule() {
        String team = "team-" + UUID.randomUUID();
        String manager = TestTokens.manager("mgr-" + team, team);
        Db db = new Db(pool);
        long before = db.count("SELECT count(*) FROM webhook_subscription");

        for (String bad : List.of("not-an-address", "sales@localhost", "two@@example.com", "a b@example.com",
                "x@example.com\r\nBcc: victim@example.com")) {
            given().auth().oauth2(manager).contentType(ContentType.JSON)
                    .body(Map.of("format", "EMAIL", "email", bad, "teams", List.of(team)))
                    .post("/api/v1/webhooks").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("status", equalTo(422))
                    .body("errors[0].field", equalTo("email")).body("errors[0].rule", equalTo("Email"));
        }
        refused(manager, Map.of("format", "EMAIL", "teams", List.of(team)), "email", "NotBlank");
        refused(manager, Map.of("format", "EMAIL", "email", " ", "teams", List.of(team)), "email", "Email");
        refused(manager, Map.of("format", "EMAIL", "email", "a@example.com", "url", "http://localhost:9/hook",
                "teams", List.of(team)), "url", "Null");
        refused(manager, Map.of("format", "EMAIL", "email", "a@example.com", "secret", "s3cret",
                "teams", List.of(team)), "secret", "Null");

        assertThat(db.count("SELECT count(*) FROM webhook_subscription")).isEqualTo(before);
    }

    private static void refused(String token, Map<String, Object> body, String field, String rule) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/webhooks").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.notNullValue()).body("title", org.hamcrest.Matchers.notNullValue())
                .body("detail", org.hamcrest.Matchers.notNullValue())
                .body("errors.field", org.hamcrest.Matchers.hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.rule", equalTo(rule));
    }

    private Optional<MimeMessage> mailFor(UUID eventId) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                String[] ids = m.getHeader("X-Crm-Event-Id");
                return ids != null && ids[0].equals(eventId.toString());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst();
    }

    /** The body part of that type, wherever it sits in the multipart/alternative (or mixed) tree. */
    private static String part(MimeMessage mail, String type) throws Exception {
        String found = find(mail.getContent(), type);
        assertThat(found).as(type + " part").isNotNull();
        // Mail travels with CRLF line ends, whatever the text had.
        return found.replace("\r\n", "\n");
    }

    private static String find(Object content, String type) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String found = part.isMimeType(type) ? (String) part.getContent() : find(part.getContent(), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
