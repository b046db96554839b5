package org.salescrm.analytics.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.delivery.stream.SseClient;
import org.salescrm.analytics.support.Db;
import org.salescrm.testsupport.TestTokens;
import org.salescrm.testsupport.http.ApiOperation;
import org.salescrm.testsupport.sweep.BadInputSweep;
import org.salescrm.testsupport.sweep.CrossOwnerSweep;
import org.salescrm.testsupport.sweep.PathParameters;
import org.salescrm.testsupport.sweep.SweepOrganisation;

/**
 * The generated sweeps over every operation of analytics-service's OpenAPI document: asked by each rep
 * and manager who may not reach a rep's alert or their manager's webhook, each answers as for a record
 * that does not exist, and no list, report or stream (replaying from before the alert's last change)
 * carries them, nor does another team's webhook; and input each must refuse is refused as problem+json
 * naming the field, never a 5xx, with nothing written.
 */
@QuarkusTest
class ApiSweepIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    final SweepOrganisation org = new SweepOrganisation("sweep-" + UUID.randomUUID().toString().substring(0, 8));

    @Test
    void aRecordOutOfReachAnswersAsOneThatDoesNotExist() throws Exception {
        Db db = new Db(pool);
        String otherTeamsWebhook = subscribe(org.managerToken(1), org.team(1));
        Records records = Records.create(org, db);
        // The stream does replay the owner's alert after that Last-Event-ID: to its owner.
        try (SseClient owners = SseClient.resume(URI.create(base + "api/v1/alerts/stream"), org.ownerToken(),
                records.snoozedEvent)) {
            await().atMost(WAIT).until(() -> owners.received(records.acknowledgedEvent));
        }

        CrossOwnerSweep.Result result = new CrossOwnerSweep(URI.create(base.toString()), org, records).run();

        System.out.println(result.summary("analytics-service"));
        assertThat(result.leaks()).isEmpty();
        assertThat(result.notSwept()).isEmpty();
        assertThat(result.swept()).isEqualTo(result.operations());
        // Nothing an outsider sent changed the owner's records.
        given().auth().oauth2(org.ownerToken()).get("/api/v1/alerts/" + records.alert).then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("note", equalTo(Records.NOTE))
                .body("version", equalTo(records.alertVersion));
        given().auth().oauth2(org.managerToken(0)).get("/api/v1/webhooks/" + records.webhook).then()
                .statusCode(200);
        // The owner's team's webhook received the alert's changes; the other team's, none of them.
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM webhook_delivery WHERE subscription_id = $1"
                + " AND event_id = $2", UUID.fromString(records.webhook), UUID.fromString(records.acknowledgedEvent)) == 1);
        assertThat(db.count("SELECT count(*) FROM webhook_delivery WHERE subscription_id = $1 AND payload LIKE $2",
                UUID.fromString(otherTeamsWebhook), "%" + records.alert + "%")).isZero();
    }

    @Test
    void inputThatBreaksARuleIsRefusedNamingTheFieldAndWritesNothing() {
        Db db = new Db(pool);
        Records records = Records.create(org, db);
        String manager = org.managerToken(0);
        String admin = TestTokens.admin("sweep-admin-" + UUID.randomUUID());

        BadInputSweep.Result result = new BadInputSweep(URI.create(base.toString()), new BadInputSweep.Fixture() {
            /** A delete takes no input but its path, and the sweep's accepted cases would delete: it gets ids that do not exist. */
            @Override
            public Map<String, String> pathParameters(ApiOperation operation) {
                Map<String, String> path = records.pathParameters(operation);
                if (path != null && operation.method().equals("DELETE")) {
                    path.replaceAll((name, value) -> UUID.randomUUID().toString());
                }
                return path;
            }

            @Override
            @SuppressWarnings("unchecked")
            public Map<String, Object> validBody(ApiOperation operation) {
                return records.body(operation) instanceof Map<?, ?> body ? (Map<String, Object>) body : null;
            }

            /** The scan is an admin's; everything else the owner's manager may do. */
            @Override
            public String token(ApiOperation operation) {
                return operation.toString().equals("POST /api/v1/alerts/scan") ? admin : manager;
            }

            /**
             * The sweep's own rows: other tests' events may still be raising alerts and sending webhooks
             * elsewhere in this database while it runs.
             */
            @Override
            public long writes() {
                String prefix = org.prefix() + "%";
                return db.count("SELECT (SELECT count(*) FROM webhook_subscription)"
                        + " + (SELECT coalesce(sum(version), 0) FROM webhook_subscription)"
                        + " + (SELECT count(deleted_at) FROM webhook_subscription)"
                        + " + (SELECT count(*) FROM alert WHERE owner_team LIKE $1)"
                        + " + (SELECT coalesce(sum(version), 0) FROM alert WHERE owner_team LIKE $1)"
                        + " + (SELECT count(*) FROM outbox_event WHERE payload LIKE $2)"
                        + " + (SELECT count(*) FROM idempotency_key WHERE caller_id LIKE $1)", prefix, "%" + prefix);
            }
        }).run();

        System.out.println(result.summary("analytics-service"));
        assertThat(result.failures()).isEmpty();
        assertThat(result.swept()).isEqualTo(result.operations());
    }

    private static String subscribe(String manager, String team) {
        return given().auth().oauth2(manager).contentType("application/json")
                .body(Map.of("url", "http://localhost:9/" + team, "secret", "sweep-secret", "teams", List.of(team)))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
    }

    /**
     * The owner's stalled-opportunity alert, snoozed and then acknowledged by them (so the outbox holds
     * both changes), and their manager's webhook for the owner's team.
     */
    record Records(SweepOrganisation org, String alert, String opportunity, String customer, int alertVersion,
                   String snoozedEvent, String acknowledgedEvent, String webhook) implements CrossOwnerSweep.Fixture {

        static final String NOTE = "明天上门拜访采购";

        /** The alert is written as the stall rule writes one; how it is raised is AlertsIT's subject, not this one's. */
        static Records create(SweepOrganisation org, Db db) {
            String webhook = subscribe(org.managerToken(0), org.ownerTeam());
            UUID alert = UUID.randomUUID();
            UUID opportunity = UUID.randomUUID();
            UUID customer = UUID.randomUUID();
            db.execute("""
                    INSERT INTO alert (id, version, type, subject_id, customer_id, owner_id, owner_team, severity,
                                       reasons, status, raised_at, open_since, created_at, updated_at)
                    VALUES ($1, 0, 'STALLED_OPPORTUNITY', $2, $3, $4, $5, 'MEDIUM', '[]', 'OPEN', now(), now(), now(),
                            now())""", alert, opportunity, customer, org.owner(), org.ownerTeam());
            given().auth().oauth2(org.ownerToken()).contentType("application/json")
                    .body(Map.of("until", LocalDate.now().plusDays(7).toString(), "reason", "客户出差"))
                    .post("/api/v1/alerts/" + alert + "/snooze").then().statusCode(200);
            int version = given().auth().oauth2(org.ownerToken()).contentType("application/json")
                    .body(Map.of("note", NOTE)).post("/api/v1/alerts/" + alert + "/acknowledge").then()
                    .statusCode(200).extract().path("version");
            List<String> events = db.rows("SELECT event_id FROM outbox_event WHERE payload LIKE '%' || $1 || '%'"
                    + " ORDER BY seq", alert.toString()).stream().map(row -> row.getUUID(0).toString()).toList();
            assertThat(events).hasSize(2);
            return new Records(org, alert.toString(), opportunity.toString(), customer.toString(), version,
                    events.get(0), events.get(1), webhook);
        }

        @Override
        public Set<String> ownersRecords() {
            return Set.of(alert, opportunity, customer, acknowledgedEvent, webhook);
        }

        /** Each path parameter is the owner's record of the kind the segment before it names. */
        @Override
        public Map<String, String> pathParameters(ApiOperation operation) {
            return PathParameters.bySegment(operation, Map.of(
                    "alerts", alert,
                    "webhooks", webhook));
        }

        @Override
        public Object body(ApiOperation operation) {
            return switch (operation.toString()) {
                case "POST /api/v1/alerts/{id}/acknowledge" -> Map.of("note", "外人确认");
                case "POST /api/v1/alerts/{id}/snooze" -> Map.of("until", LocalDate.now().plusDays(3).toString(),
                        "reason", "外人");
                case "POST /api/v1/webhooks" -> Map.of("url", "http://localhost:9/outsider", "secret", "s",
                        "teams", List.of(org.ownerTeam()));
                default -> null;
            };
        }

        @Override
        public List<Map<String, String>> queries(ApiOperation operation) {
            return switch (operation.toString()) {
                case "GET /api/v1/alerts" -> List.of(Map.of("limit", "200"), Map.of("ownerId", org.owner()),
                        Map.of("team", org.ownerTeam()), Map.of("customerId", customer),
                        Map.of("status", "ACKNOWLEDGED", "limit", "200"));
                case "GET /api/v1/reports/funnel", "GET /api/v1/reports/activity", "GET /api/v1/reports/pipeline",
                     "GET /api/v1/reports/figures" -> List.of(Map.of(), Map.of("ownerId", org.owner()),
                        Map.of("team", org.ownerTeam()));
                case "GET /api/v1/webhooks" -> List.of(Map.of("limit", "200"));
                default -> List.of(Map.of());
            };
        }

        /** The stream replays what followed the snooze: the acknowledgement, which no outsider may receive. */
        @Override
        public Map<String, String> headers(ApiOperation operation) {
            return operation.toString().equals("GET /api/v1/alerts/stream") ? Map.of("Last-Event-ID", snoozedEvent)
                    : Map.of();
        }
    }
}
