package org.salescrm.analytics.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.awaitility.Awaitility.await;
import static org.salescrm.testsupport.http.OutboxAgreement.eventsWithoutTheirRow;
import static org.salescrm.testsupport.http.OutboxAgreement.rowsOutOfStepWithTheirEvents;
import static org.salescrm.testsupport.http.OutboxAgreement.unsentEvents;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.support.Db;
import org.salescrm.analytics.support.Events;
import org.salescrm.analytics.support.Fixtures;
import org.salescrm.testsupport.TestTokens;
import org.salescrm.testsupport.http.AbortedWrites;
import org.salescrm.testsupport.http.ApiOperation;
import org.salescrm.testsupport.http.HangUpStorm.Request;
import org.salescrm.testsupport.http.HangingUpClient;
import org.salescrm.testsupport.http.ServiceMetrics;

/**
 * Clients that hang up mid-request, on every write endpoint at once and on the alert stream: each request
 * commits whole or not at all, its connection goes back to the pool, and a stream whose client left is closed.
 */
@QuarkusTest
class AbortedRequestsIT {

    static final int ABORTED_WRITES = 1_000;
    static final int PER_OPERATION = ABORTED_WRITES / 5 + 1;

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "quarkus.datasource.reactive.max-size", defaultValue = "20")
    int poolSize;

    @Inject
    Pool pool;

    @Test
    void writesAbortedAtAnyPointCommitOrRollBackWholeAndReturnTheirConnections() throws Exception {
        String team = "team-" + UUID.randomUUID();
        String manager = TestTokens.manager("mgr-" + UUID.randomUUID(), team);
        Queue<String> alerts = new ConcurrentLinkedQueue<>(idleDealAlerts(team, 2 * PER_OPERATION));
        // A manager of the team of their own for each request, so that the per-caller rate limit never answers.
        Supplier<Map<String, String>> asManager = () -> Map.of("Authorization",
                "Bearer " + TestTokens.manager("mgr-" + UUID.randomUUID(), team));
        // Subscriptions for a team of their own: subscribed to the storm's team, each acknowledgement and snooze
        // would fan out to hundreds of deliveries, keeping the pool busy (not stuck) long after the storm.
        String hooks = "hooks-" + UUID.randomUUID();
        Supplier<Map<String, String>> asHookManager = () -> Map.of("Authorization",
                "Bearer " + TestTokens.manager("mgr-" + UUID.randomUUID(), hooks));
        Map<ApiOperation, Supplier<Request>> cases = Map.of(
                new ApiOperation("POST", "/api/v1/alerts/{id}/acknowledge"), () -> new Request("POST",
                        "/api/v1/alerts/" + alerts.remove() + "/acknowledge", "{\"note\":\"明天跟进\"}", asManager.get()),
                new ApiOperation("POST", "/api/v1/alerts/{id}/snooze"), () -> new Request("POST",
                        "/api/v1/alerts/" + alerts.remove() + "/snooze",
                        "{\"until\":\"%s\",\"reason\":\"客户出差\"}".formatted(Instant.now().plus(Duration.ofDays(3))),
                        asManager.get()),
                new ApiOperation("POST", "/api/v1/alerts/scan"), () -> new Request("POST", "/api/v1/alerts/scan", null,
                        Map.of("Authorization", "Bearer " + TestTokens.admin("admin-" + UUID.randomUUID()))),
                new ApiOperation("POST", "/api/v1/webhooks"), () -> new Request("POST", "/api/v1/webhooks",
                        webhook(hooks), asHookManager.get()),
                new ApiOperation("DELETE", "/api/v1/webhooks/{id}"), AbortedWrites.prepared(PER_OPERATION,
                        () -> {
                            String subscriber = TestTokens.manager("mgr-" + UUID.randomUUID(), hooks);
                            return new Request("DELETE", "/api/v1/webhooks/" + subscribe(subscriber, hooks), null,
                                    Map.of("Authorization", "Bearer " + subscriber));
                        }));

        // Other tests of this module share the database, and one deletes alerts on purpose (a replay): what counts is
        // that the storm adds nothing out of step.
        long outOfStepBefore = db().count(rowsOutOfStepWithTheirEvents("alert"));
        long withoutRowBefore = db().count(eventsWithoutTheirRow("alert", "crm.alert."));

        AbortedWrites.Outcome outcome =
                AbortedWrites.hangUpOnEveryWrite("analytics-service", base, pool, poolSize, cases, ABORTED_WRITES);

        System.out.printf("analytics-service hang-up storm: connections stuck %d, pool borrowable again after %.1f s%n",
                outcome.stuckConnections(), outcome.allBorrowableAfterMillis() / 1000.0);
        assertThat(outcome.stuckConnections()).as("connections never given back").isZero();
        given().auth().oauth2(manager).get("/api/v1/alerts?status=OPEN").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> db().count(unsentEvents()) == 0);
        assertThat(db().count(rowsOutOfStepWithTheirEvents("alert"))).as("alerts out of step with their events")
                .isEqualTo(outOfStepBefore);
        assertThat(db().count(eventsWithoutTheirRow("alert", "crm.alert."))).as("alert events without an alert")
                .isEqualTo(withoutRowBefore);
        // Consumers that waited through the storm still read: a stopped channel would leave a live service deaf.
        assertThat(idleDealAlerts("team-" + UUID.randomUUID(), 1)).as("an alert raised after the storm").hasSize(1);
    }

    /**
     * A scan asked for while another instance runs one (here: the test holds the scan's advisory lock) answers at
     * once that one is running, instead of waiting for the lock with a connection held.
     */
    @Test
    void aScanAskedForWhileOneRunsAnswersAtOnce() {
        pool.withTransaction(connection -> connection
                        .query("SELECT pg_advisory_xact_lock(hashtextextended('analytics-service.alert-scan', 0))")
                        .execute()
                        .chain(() -> Uni.createFrom().item(() -> given()
                                .auth().oauth2(TestTokens.admin("admin-" + UUID.randomUUID()))
                                .post("/api/v1/alerts/scan").then().statusCode(200)
                                .body("alreadyRunning", equalTo(true)).body("evaluated", equalTo(0))
                                .time(lessThan(5_000L)))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())))
                .await().atMost(Duration.ofSeconds(30));
        given().auth().oauth2(TestTokens.admin("admin-" + UUID.randomUUID())).post("/api/v1/alerts/scan").then()
                .statusCode(200).body("alreadyRunning", nullValue()).body("evaluated", greaterThanOrEqualTo(0));
    }

    @Test
    void aStreamWhoseClientHangsUpIsClosed() throws Exception {
        ServiceMetrics metrics = new ServiceMetrics(base);
        HangingUpClient client = new HangingUpClient(base);
        Map<String, String> headers = Map.of("Authorization", "Bearer " + TestTokens.manager("mgr-stream", "east"),
                "Accept", "text/event-stream");
        for (int i = 0; i < 50; i++) {
            client.send("GET", "/api/v1/alerts/stream", null, headers, Duration.ofMillis(100));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> metrics.gauge("crm_alert_stream_listeners") == 0);
    }

    /** Deals of one team, idle far beyond what TARGET allows, each raising its alert as its event is read. */
    private List<String> idleDealAlerts(String team, int count) {
        Instant longAgo = Instant.now().minus(Duration.ofDays(45));
        for (int i = 0; i < count; i++) {
            Events.publish(Fixtures.opened(UUID.randomUUID(), UUID.randomUUID(), "rep-" + team, team, longAgo,
                    BigDecimal.TEN, Fixtures.day(Instant.now()).plusDays(30)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                db().count("SELECT count(*) FROM alert WHERE owner_team = $1 AND status = 'OPEN'", team) == count);
        return db().rows("SELECT id FROM alert WHERE owner_team = $1", team).stream()
                .map(row -> row.getUUID("id").toString()).toList();
    }

    private static String webhook(String team) {
        return "{\"url\":\"http://localhost:9/crm-hook\",\"secret\":\"%s\",\"teams\":[\"%s\"]}"
                .formatted(UUID.randomUUID(), team);
    }

    private static String subscribe(String manager, String team) {
        return given().auth().oauth2(manager).contentType(ContentType.JSON).body(webhook(team)).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
    }

    private Db db() {
        return new Db(pool);
    }
}
