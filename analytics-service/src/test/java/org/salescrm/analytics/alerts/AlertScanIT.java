package org.salescrm.analytics.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.support.Db;
import org.salescrm.analytics.support.Events;
import org.salescrm.analytics.support.Fixtures;
import org.salescrm.testsupport.TestTokens;

/**
 * A scan commits chunk by chunk: an alert it has already settled can be acknowledged while the rest of the pass
 * still runs. In one transaction, a manager's click waited for the whole pass with a connection held.
 */
@QuarkusTest
class AlertScanIT {

    // More customers than one chunk of the scan, so the first and the last deal below fall in different chunks.
    static final int FILLER_DEALS = 501;
    static final String FILLER_TEAM = "filler-" + UUID.randomUUID();

    @Inject
    Pool pool;

    @Test
    void anAlertTheScanHasSettledCanBeAcknowledgedWhileTheRestOfThePassRuns() throws Exception {
        String team = "team-" + UUID.randomUUID();
        freshDeals(FILLER_DEALS);
        // Customers are scanned in id order: these two come first and last.
        UUID firstCustomer = UUID.fromString("00000000-0000-4000-8000-" + suffix());
        UUID lastCustomer = UUID.fromString("ffffffff-ffff-4fff-bfff-" + suffix());
        String first = idleDealAlert(team, firstCustomer);
        String last = idleDealAlert(team, lastCustomer);
        // Their events set when they are next due (a day on); the scan evaluates only what is due, so make them due.
        db().execute("UPDATE opportunity_fact SET next_check_at = '-infinity' WHERE customer_id IN ($1, $2)",
                firstCustomer, lastCustomer);

        SqlConnection holder = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        Transaction held = holder.begin().await().atMost(Duration.ofSeconds(10));
        try {
            holder.preparedQuery("SELECT id FROM alert WHERE id = $1 FOR UPDATE").execute(Tuple.of(UUID.fromString(last)))
                    .await().atMost(Duration.ofSeconds(10));
            CompletableFuture<Integer> scan = CompletableFuture.supplyAsync(() -> given()
                    .auth().oauth2(TestTokens.admin("admin-" + UUID.randomUUID()))
                    .post("/api/v1/alerts/scan").statusCode());
            await().atMost(Duration.ofSeconds(120)).until(this::aScanWaitsForTheHeldAlert);

            CompletableFuture<Integer> acknowledged = CompletableFuture.supplyAsync(() -> given()
                    .auth().oauth2(TestTokens.manager("mgr-" + UUID.randomUUID(), team))
                    .contentType(ContentType.JSON).body("{\"note\":\"已电话沟通\"}")
                    .post("/api/v1/alerts/" + first + "/acknowledge").statusCode());
            assertThat(acknowledged.get(10, TimeUnit.SECONDS)).as("acknowledged during the pass").isEqualTo(200);
            held.rollback().await().atMost(Duration.ofSeconds(10));
            assertThat(scan.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        } finally {
            holder.close().await().atMost(Duration.ofSeconds(10));
            // Every later scan of this module's database would evaluate them too.
            db().execute("DELETE FROM opportunity_fact WHERE owner_team = $1", FILLER_TEAM);
        }
    }

    private boolean aScanWaitsForTheHeldAlert() {
        return db().count("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%from alert%'""") > 0;
    }

    /**
     * Deals opened a moment ago, one per customer, written straight into the facts: they only make the pass
     * longer than one chunk, and thousands of events would make the test slow.
     */
    private void freshDeals(int count) {
        db().execute("""
                INSERT INTO opportunity_fact (opportunity_id, customer_id, stage, status, stage_entered_at,
                                              last_activity_at, opened_at, owner_id, owner_team, aggregate_version)
                SELECT gen_random_uuid(), gen_random_uuid(), 'TARGET', 'OPEN', now(), now(), now(), 'rep-filler', $1, 1
                FROM generate_series(1, $2)""", FILLER_TEAM, count);
    }

    private String idleDealAlert(String team, UUID customer) {
        long before = db().count("SELECT count(*) FROM alert WHERE owner_team = $1", team);
        publishIdleDeal(team, customer);
        awaitOpenAlerts(team, before + 1);
        return db().row("SELECT id FROM alert WHERE customer_id = $1", customer).getUUID("id").toString();
    }

    private static void publishIdleDeal(String team, UUID customer) {
        Instant longAgo = Instant.now().minus(Duration.ofDays(45));
        Events.publish(Fixtures.opened(customer, UUID.randomUUID(), "rep-" + team, team, longAgo, BigDecimal.TEN,
                Fixtures.day(Instant.now()).plusDays(30)));
    }

    private void awaitOpenAlerts(String team, long count) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                db().count("SELECT count(*) FROM alert WHERE owner_team = $1 AND status = 'OPEN'", team) == count);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(24);
    }

    private Db db() {
        return new Db(pool);
    }
}
