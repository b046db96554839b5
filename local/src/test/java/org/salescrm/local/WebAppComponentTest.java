package org.salescrm.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The web app is the stack's fifth component: its port, and the addresses it hands the browser. */
class WebAppComponentTest {

    private static final Path ROOT = Path.of(System.getProperty("crm.root", "..")).toAbsolutePath().normalize();

    @Test
    void theWebAppIsToldWhereKeycloakAndEachServiceAre() {
        assertThat(Stack.webEnvironment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CRM_WEB_OIDC_AUTHORITY", "http://localhost:8180/realms/crm",
                "CRM_WEB_API_CUSTOMER", "http://localhost:8081",
                "CRM_WEB_API_VISIT", "http://localhost:8082",
                "CRM_WEB_API_TARGET", "http://localhost:8083",
                "CRM_WEB_API_ANALYTICS", "http://localhost:8084"));
    }

    @Test
    void everyVariableNamesASettingOfTheWebApp() throws IOException {
        Properties web = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("web/src/main/resources/application.properties"))) {
            web.load(reader);
        }
        List<String> variables = web.stringPropertyNames().stream()
                .map(key -> key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT)).toList();

        assertThat(variables).containsAll(Stack.webEnvironment().keySet());
        assertThat(web.getProperty("quarkus.http.port")).isEqualTo(String.valueOf(Components.WEB_PORT));
    }
}
