package org.salescrm.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientConfigResourceTest {

    @Test
    void appConfigNamesTheRealmClientEachServiceAndTheBusinessZone() {
        given().when().get("/config.json").then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("oidc.authority", equalTo("http://localhost:8180/realms/crm"))
                .body("oidc.clientId", equalTo("crm-web"))
                .body("api.customer", equalTo("http://localhost:8081"))
                .body("api.analytics", equalTo("http://localhost:8084"))
                .body("testLogin", equalTo(false))
                .body("timeZone", equalTo("Asia/Shanghai"));
    }

    @Test
    void probesAnswer() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
