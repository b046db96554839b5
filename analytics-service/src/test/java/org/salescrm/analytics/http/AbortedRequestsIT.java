package org.salescrm.analytics.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.testsupport.TestTokens;
import org.salescrm.testsupport.http.HangingUpClient;
import org.salescrm.testsupport.http.ServiceMetrics;

/**
 * Clients that hang up: a scan asked for while one runs answers at once, and a stream whose client left is closed.
 */
@QuarkusTest
class AbortedRequestsIT {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Pool pool;

    /**
     * A scan asked for while another instance runs one (here: the test holds the scan's advisory lock) answers at
     * once that one is running, instead of waiting for the lock with a connection held.
     */
    @Test
    void aScanAskedForWhileOneRunsAnswersAtOnce() {
        pool.withTransaction(connection -> connection
                        .query("SELECT pg_advisory_xact_lock(hashtextextended('analytics.alert-scan', 0))").execute()
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
}
