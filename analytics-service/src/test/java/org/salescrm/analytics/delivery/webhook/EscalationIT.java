package org.salescrm.analytics.delivery.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.salescrm.analytics.support.Fixtures.day;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.support.Db;
import org.salescrm.analytics.support.Events;
import org.salescrm.analytics.support.Fixtures;
import org.salescrm.analytics.support.TestClock;
import org.salescrm.events.target.Organisation;
import org.salescrm.events.target.RegionChanged;
import org.salescrm.events.target.TeamChanged;
import org.salescrm.testsupport.TestTokens;

/**
 * An alert left unacknowledged escalates to the owner's manager's manager, as the organisation
 * (consumed from crm.organisation) stood that day: it appears in that person's GET /alerts and
 * reaches their webhooks; with nobody named, it goes to the admins only.
 */
@QuarkusTest
class EscalationIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    Db db;
    Instant now;

    @BeforeEach
    void fresh() {
        db = new Db(pool);
        now = Instant.now();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void escalationReachesTheRegionsHeadInTheirAlertsAndWebhooks() {
        String region = "region-" + UUID.randomUUID();
        String team = "team-" + UUID.randomUUID();
        String head = "head-" + UUID.randomUUID();
        String manager = "mgr-" + UUID.randomUUID();
        // the head now; a later head is already planned, and does not count yet
        Events.publish(region(region, 1, head, LocalDate.of(2020, 1, 1)),
                region(region, 2, "head-" + UUID.randomUUID(), LocalDate.of(2999, 1, 1)),
                team(team, 1, region, manager, null, LocalDate.of(2020, 1, 1)));
        awaitTeam(team);
        String headsTeam = "own-" + UUID.randomUUID();
        String headToken = TestTokens.manager(head, headsTeam);

        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            // the head subscribes for their own team only; the escalation still reaches them
            given().auth().oauth2(headToken).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "secret", "s3cret-for-the-head", "teams",
                            List.of(headsTeam)))
                    .post("/api/v1/webhooks").then().statusCode(201);
            String id = escalatedAlert("rep-" + UUID.randomUUID(), team);

            given().auth().oauth2(TestTokens.admin("admin-" + UUID.randomUUID())).get("/api/v1/alerts/{id}", id)
                    .then().statusCode(200).body("escalated", equalTo(true)).body("escalatedTo", equalTo(head))
                    .body("severity", equalTo("HIGH"));
            given().auth().oauth2(headToken).queryParam("escalated", true).queryParam("severity", "HIGH")
                    .get("/api/v1/alerts").then().statusCode(200).body("items.id", hasItem(id));
            given().auth().oauth2(headToken).queryParam("escalated", false).get("/api/v1/alerts")
                    .then().statusCode(200).body("items.id", not(hasItem(id)));
            given().auth().oauth2(headToken).get("/api/v1/alerts/{id}", id).then().statusCode(200);
            // someone the alert did not escalate to still cannot reach it
            given().auth().oauth2(TestTokens.manager("mgr-" + UUID.randomUUID(), "team-" + UUID.randomUUID()))
                    .get("/api/v1/alerts/{id}", id).then().statusCode(404);

            await().atMost(WAIT).until(() -> receiver.received().stream()
                    .anyMatch(r -> r.body().contains(id) && r.body().contains("\"change\":\"ESCALATED\"")
                            && r.body().contains("\"escalatedTo\":\"" + head + "\"")));

            // the head acts on it: an acknowledgement also reaches their webhook
            given().auth().oauth2(headToken).contentType(ContentType.JSON).body(Map.of("note", "已联系经理"))
                    .post("/api/v1/alerts/{id}/acknowledge", id).then().statusCode(200)
                    .body("status", equalTo("ACKNOWLEDGED"));
            await().atMost(WAIT).until(() -> receiver.received().stream()
                    .anyMatch(r -> r.body().contains(id) && r.body().contains("\"change\":\"ACKNOWLEDGED\"")));
        }
    }

    @Test
    void aSuperiorTheAdminNamedComesBeforeTheHead() {
        String region = "region-" + UUID.randomUUID();
        String team = "team-" + UUID.randomUUID();
        String director = "director-" + UUID.randomUUID();
        Events.publish(region(region, 1, "head-" + UUID.randomUUID(), LocalDate.of(2020, 1, 1)),
                team(team, 1, region, "mgr-" + UUID.randomUUID(), director, LocalDate.of(2020, 1, 1)));
        awaitTeam(team);

        String id = escalatedAlert("rep-" + UUID.randomUUID(), team);

        given().auth().oauth2(TestTokens.manager(director, "own-" + UUID.randomUUID())).get("/api/v1/alerts/{id}", id)
                .then().statusCode(200).body("escalatedTo", equalTo(director));
    }

    @Test
    void withNobodyNamedTheAlertGoesToTheAdminsOnly() {
        String region = "region-" + UUID.randomUUID();
        String team = "team-" + UUID.randomUUID();
        String manager = "mgr-" + UUID.randomUUID();
        // a region without a head, and a team whose manager is the only one named
        Events.publish(region(region, 1, null, LocalDate.of(2020, 1, 1)),
                team(team, 1, region, manager, null, LocalDate.of(2020, 1, 1)));
        awaitTeam(team);

        String headless = escalatedAlert("rep-" + UUID.randomUUID(), team);
        String unknownTeam = escalatedAlert("rep-" + UUID.randomUUID(), "team-" + UUID.randomUUID());

        for (String id : List.of(headless, unknownTeam)) {
            given().auth().oauth2(TestTokens.admin("admin-" + UUID.randomUUID()))
                    .queryParam("escalated", true).get("/api/v1/alerts").then().statusCode(200)
                    .body("items.id", hasItem(id));
            given().auth().oauth2(TestTokens.admin("admin-" + UUID.randomUUID())).get("/api/v1/alerts/{id}", id)
                    .then().statusCode(200).body("escalated", equalTo(true)).body("escalatedTo", nullValue());
        }
        given().auth().oauth2(TestTokens.manager("head-" + UUID.randomUUID(), "own-" + UUID.randomUUID()))
                .get("/api/v1/alerts/{id}", headless).then().statusCode(404);
    }

    /** An opportunity of the rep idle in NEGOTIATION for 16 days, its alert left alone for two days, escalated by the scan. */
    private String escalatedAlert(String rep, String team) {
        UUID customer = UUID.randomUUID();
        UUID opportunity = UUID.randomUUID();
        LocalDate close = day(now).plusDays(60);
        Events.publish(Fixtures.customer(customer, rep, team, "C", now.minus(Duration.ofDays(60))),
                Fixtures.opened(customer, opportunity, rep, team, now.minus(Duration.ofDays(40)), BigDecimal.TEN, close),
                Fixtures.moved(customer, opportunity, 1, rep, team, "TARGET", "NEGOTIATION",
                        now.minus(Duration.ofDays(16)).minusSeconds(60), BigDecimal.TEN, close));
        await().atMost(WAIT).until(() -> db.row("SELECT 1 FROM alert WHERE subject_id = $1 AND status = 'OPEN' "
                + "AND reasons LIKE '%NEGOTIATION allows 7%'", opportunity) != null);
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        given().auth().oauth2(TestTokens.admin("admin-" + UUID.randomUUID())).post("/api/v1/alerts/scan")
                .then().statusCode(200);
        clock.reset();
        var row = db.row("SELECT id, escalated FROM alert WHERE subject_id = $1 ORDER BY raised_at DESC LIMIT 1",
                opportunity);
        assertThat(row.getBoolean("escalated")).isTrue();
        return row.getUUID("id").toString();
    }

    private void awaitTeam(String team) {
        await().atMost(WAIT).until(() -> db.row("SELECT 1 FROM org_team_version WHERE team = $1", team) != null);
    }

    private static RegionChanged region(String region, long version, String head, LocalDate from) {
        return new RegionChanged(UUID.randomUUID(), Organisation.regionId(region), version, head, null, Instant.now(),
                region, region, head, from, "admin");
    }

    private static TeamChanged team(String team, long version, String region, String manager, String reportsTo,
                                    LocalDate from) {
        return new TeamChanged(UUID.randomUUID(), Organisation.teamId(team), version, manager, team, Instant.now(),
                team, region, manager, reportsTo, from, "admin");
    }
}
