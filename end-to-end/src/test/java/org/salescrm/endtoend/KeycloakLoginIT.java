package org.salescrm.endtoend;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Opt-in (profile keycloak-login): the real login through Keycloak's form, against the local stack
 * that {@code ./crm up --detach} runs (web app on 8080, Keycloak on 8180, demo data loaded).
 */
class KeycloakLoginIT {

    @Test
    void aManagerLogsInThroughTheKeycloakFormAndLandsOnTheirTeamsAlerts() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("webUrl", System.getProperty("crm.web.url", "http://localhost:8080"));
        settings.put("user", "mgr-east");
        settings.put("password", "demo");
        settings.put("team", "east");
        settings.put("screenshots", Path.of("target", "screenshots").toAbsolutePath().toString());
        BrowserCases.run("keycloakLogin", settings);
    }
}
