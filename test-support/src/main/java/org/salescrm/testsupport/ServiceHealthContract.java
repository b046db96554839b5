package org.salescrm.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

/**
 * What every service answers to Kubernetes and to tooling without a token: its probes, with the
 * database among the readiness checks, and its OpenAPI. A service's test extends it as a {@code @QuarkusTest}.
 */
public abstract class ServiceHealthContract {

    @Test
    void isLive() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void isReadyWithItsDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"));
    }

    @Test
    void reportsTheOutboxLag() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.pending", notNullValue());
    }

    @Test
    void publishesOpenApi() {
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("crm_outbox_published"));
    }
}
