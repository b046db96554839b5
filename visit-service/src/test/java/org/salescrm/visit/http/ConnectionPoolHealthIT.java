package org.salescrm.visit.http;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A pool whose every connection is held: out of the load balancer at once, restarted once it lasts. */
@QuarkusTest
class ConnectionPoolHealthIT {

    @Inject
    Pool pool;

    @ConfigProperty(name = "quarkus.datasource.reactive.max-size", defaultValue = "20")
    int maxSize;

    @Test
    void anExhaustedPoolFailsReadinessAtOnceAndLivenessOnceItLasts() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        List<SqlConnection> held = new ArrayList<>();
        try {
            for (int i = 0; i < maxSize; i++) {
                held.add(pool.getConnection().await().atMost(Duration.ofSeconds(10)));
            }
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'database' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'database' }.data.active", equalTo(maxSize));
            given().get("/q/health/live").then().statusCode(200);
            // crm.health.connection-pool.wedged-after is 3 s in the test profile.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/live").then()
                    .statusCode(503).body("checks.name", hasItem("connection-pool")));
        } finally {
            held.forEach(connection -> connection.close().await().indefinitely());
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            given().get("/q/health/ready").then().statusCode(200);
            given().get("/q/health/live").then().statusCode(200);
        });
    }
}
