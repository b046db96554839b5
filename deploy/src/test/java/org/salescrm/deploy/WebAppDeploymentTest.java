package org.salescrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The web app (module web/) is deployed beside the services: its own container with probes, the
 * Ingress sending / to it, and in compose the addresses a browser uses for Keycloak and the APIs.
 */
class WebAppDeploymentTest {

    static final String WEB = "web";
    private static final Properties CONFIG = webConfiguration();
    private static final JsonNode COMPOSE = Repository.yaml(Repository.path("docker-compose.yml")).get("services");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void runsWithProbesOnItsHealthEndpointsAndItsHttpPort(String overlay) {
        Manifests manifests = KubernetesOverlayTest.rendered(overlay);
        JsonNode container = Manifests.container(manifests.get("Deployment", WEB));

        assertThat(KubernetesOverlayTest.containerPort(container, "http")).isEqualTo(httpPort());
        Map.of("livenessProbe", "live", "readinessProbe", "ready", "startupProbe", "started").forEach((probe, check) -> {
            JsonNode get = container.path(probe).path("httpGet");
            assertThat(get.path("path").asText()).as(probe).isEqualTo("/q/health/" + check);
            assertThat(KubernetesOverlayTest.containerPort(container, get.path("port").asText())).isEqualTo(httpPort());
        });
        assertThat(Repository.read("web/pom.xml")).as("the health endpoints exist")
                .contains("<artifactId>quarkus-smallrye-health</artifactId>");
        assertThat(container.path("resources").path("limits").path("memory").asText()).isNotEmpty();
        JsonNode service = manifests.get("Service", WEB).path("spec").path("ports").get(0);
        assertThat(service.path("port").asInt()).isEqualTo(httpPort());
        assertThat(container.path("image").asText()).contains("salescrm/web:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void setsOnlySettingsTheWebAppReadsAndEveryAddressOfThePage(String overlay) {
        Map<String, String> environment = KubernetesOverlayTest.environment(KubernetesOverlayTest.rendered(overlay), WEB);

        assertThat(readableVariables()).containsAll(environment.keySet());
        assertThat(environment.keySet()).containsAll(addressVariables());
        assertThat(environment.get("CRM_WEB_OIDC_AUTHORITY")).endsWith("/realms/" + Realm.name());
        assertThat(environment).doesNotContainKey("CRM_WEB_TEST_LOGIN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theIngressSendsEverythingButTheApisToTheWebApp(String overlay) {
        Map<String, String> routes = new LinkedHashMap<>();
        for (ObjectNode ingress : KubernetesOverlayTest.rendered(overlay).ofKind("Ingress")) {
            ingress.path("spec").path("rules").forEach(rule -> rule.path("http").path("paths").forEach(path ->
                    routes.put(path.path("path").asText(), path.path("backend").path("service").path("name").asText())));
        }

        assertThat(routes).containsEntry("/", WEB);
        assertThat(routes).containsEntry("/api/v1/alerts", "analytics-service").containsEntry("/api/v1/customers", "customer-service");
    }

    @Test
    void composeBuildsItPublishesItsPortAndChecksItsReadiness() {
        JsonNode web = COMPOSE.get(WEB);
        assertThat(web).as("docker-compose.yml has a service web").isNotNull();

        assertThat(web.path("build").path("context").asText()).isEqualTo("./web");
        assertThat(Repository.path("web").resolve(web.path("build").path("dockerfile").asText())).isRegularFile();
        assertThat(web.path("image").asText()).startsWith("salescrm/web:");
        assertThat(web.path("ports").get(0).asText()).isEqualTo(httpPort() + ":" + httpPort());
        assertThat(web.path("healthcheck").path("test").toString()).contains("http://localhost:" + httpPort() + "/q/health/ready");
        assertThat(web.path("depends_on").path("keycloak").path("condition").asText()).isEqualTo("service_healthy");
    }

    @Test
    void composeGivesThePageTheAddressesABrowserReaches() {
        Map<String, String> environment = DockerComposeTest.environment(COMPOSE.get(WEB));
        String keycloakHostname = DockerComposeTest.environment(COMPOSE.get("keycloak")).get("KC_HOSTNAME");

        assertThat(readableVariables()).containsAll(environment.keySet());
        assertThat(environment.get("CRM_WEB_OIDC_AUTHORITY")).isEqualTo(keycloakHostname + "/realms/" + Realm.name());
        for (String service : Repository.serviceModules()) {
            String api = service.substring(0, service.indexOf('-')).toUpperCase(java.util.Locale.ROOT);
            assertThat(environment.get("CRM_WEB_API_" + api)).as(service)
                    .isEqualTo("http://localhost:" + ServiceConfiguration.of(service).httpPort());
        }
    }

    @Test
    void everyServiceLetsThePageCallItFromItsOrigin() {
        String origin = "http://localhost:" + httpPort();
        for (String service : Repository.serviceModules()) {
            assertThat(DockerComposeTest.environment(COMPOSE.get(service)).get("CRM_CORS_ORIGINS").split(","))
                    .as(service + " in compose").contains(origin);
            for (String overlay : List.of("dev")) {
                assertThat(KubernetesOverlayTest.environment(KubernetesOverlayTest.rendered(overlay), service)
                        .get("CRM_CORS_ORIGINS").split(",")).as(service + " in " + overlay).contains(origin);
            }
        }
    }

    private static int httpPort() {
        return Integer.parseInt(CONFIG.getProperty("quarkus.http.port"));
    }

    /** The environment form of every key web's application.properties declares. */
    private static Set<String> readableVariables() {
        Set<String> names = new TreeSet<>();
        CONFIG.stringPropertyNames().forEach(key -> names.add(ServiceConfiguration.environmentName(key)));
        return names;
    }

    /** Where the page logs in and where each API is: a deployment must set them all. */
    private static Set<String> addressVariables() {
        Set<String> names = new TreeSet<>();
        CONFIG.stringPropertyNames().stream().filter(key -> key.equals("crm.web.oidc.authority") || key.startsWith("crm.web.api."))
                .forEach(key -> names.add(ServiceConfiguration.environmentName(key)));
        assertThat(names).as("web's application.properties names its addresses").hasSizeGreaterThanOrEqualTo(5);
        return names;
    }

    private static Properties webConfiguration() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Repository.read("web/src/main/resources/application.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
