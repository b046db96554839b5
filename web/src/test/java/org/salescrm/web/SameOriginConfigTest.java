package org.salescrm.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SameOriginConfigTest.BehindIngress.class)
class SameOriginConfigTest {

    /** As in Kubernetes: every service under the page's own origin, the test login switched on, a business zone of its own. */
    public static class BehindIngress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "crm.web.api.customer", "/",
                    "crm.web.api.visit", "/",
                    "crm.web.api.target", "/",
                    "crm.web.api.analytics", "http://analytics.example/",
                    "crm.web.oidc.authority", "https://sso.example/realms/crm",
                    "crm.web.test-login", "true",
                    "crm.web.time-zone", "Europe/Berlin");
        }
    }

    @Test
    void slashMeansTheSameOriginAndTrailingSlashesGo() {
        given().when().get("/config.json").then()
                .statusCode(200)
                .body("api.customer", equalTo(""))
                .body("api.target", equalTo(""))
                .body("api.analytics", equalTo("http://analytics.example"))
                .body("oidc.authority", equalTo("https://sso.example/realms/crm"))
                .body("testLogin", equalTo(true))
                .body("timeZone", equalTo("Europe/Berlin"));
    }
}
