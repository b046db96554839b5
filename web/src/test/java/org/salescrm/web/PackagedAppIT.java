package org.salescrm.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/** The packaged app as it ships: Quinoa serves the built single-page app next to /config.json. */
@QuarkusIntegrationTest
class PackagedAppIT {

    @Test
    void servesTheBuiltAppAtTheRoot() {
        given().when().get("/").then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<div id=\"app\"></div>"))
                .body(containsString("/assets/index-"));
    }

    @Test
    void everyAppRouteAnswersWithTheAppSoALinkOrReloadWorks() {
        for (String route : new String[] {"/alerts", "/funnel", "/customers/2f0c6d7e-3f62-4a57-9f3c-0d4b2f7c9a10", "/today"}) {
            given().when().get(route).then()
                    .statusCode(200)
                    .body(containsString("<div id=\"app\"></div>"));
        }
    }

    @Test
    void configAndProbesAreNotSwallowedByTheAppRoutes() {
        given().when().get("/config.json").then().statusCode(200).body("oidc.clientId", equalTo("crm-web"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void isInstallable() {
        given().when().get("/manifest.webmanifest").then().statusCode(200).body(containsString("\"display\": \"standalone\""));
        given().when().get("/sw.js").then().statusCode(200).body(containsString("caches.open"));
    }
}
