package org.salescrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Both overlays, rendered, agree with the services' configuration. */
class KubernetesOverlayTest {

    /** quarkus-kubernetes gives every container its namespace; the services do not read it. */
    private static final String SET_BY_QUARKUS_KUBERNETES = "KUBERNETES_NAMESPACE";

    private static final Map<String, Manifests> RENDERED = new HashMap<>();

    static synchronized Manifests rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::overlay);
    }

    static Stream<Arguments> overlaysAndServices() {
        return Stream.of("dev", "prod").flatMap(o -> Repository.serviceModules().stream().map(s -> Arguments.of(o, s)));
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void probesAskTheHealthEndpointsOnThePortTheyAnswer(String overlay, String service) {
        ServiceConfiguration config = ServiceConfiguration.of(service);
        JsonNode container = Manifests.container(rendered(overlay).get("Deployment", service));

        assertThat(containerPort(container, "http")).isEqualTo(config.httpPort());
        Map<String, String> probes = Map.of("livenessProbe", "live", "readinessProbe", "ready", "startupProbe", "started");
        probes.forEach((probe, check) -> {
            JsonNode get = container.path(probe).path("httpGet");
            assertThat(get.path("path").asText()).as(service + " " + probe).isEqualTo(config.healthPath(check));
            assertThat(containerPort(container, get.path("port").asText())).as(service + " " + probe + " port")
                    .isEqualTo(config.healthPort());
        });
        assertThat(Repository.read("platform/pom.xml")).as("the health endpoints exist")
                .contains("<artifactId>quarkus-smallrye-health</artifactId>");
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void requestsAndLimitsEveryContainer(String overlay, String service) {
        JsonNode resources = Manifests.container(rendered(overlay).get("Deployment", service)).path("resources");

        for (String resource : List.of("cpu", "memory")) {
            String request = resources.path("requests").path(resource).asText();
            String limit = resources.path("limits").path(resource).asText();
            assertThat(request).as(service + " requests " + resource).isNotEmpty();
            assertThat(limit).as(service + " limits " + resource).isNotEmpty();
            assertThat(Quantity.getAmountInBytes(Quantity.parse(request))).as(service + " " + resource + " request within limit")
                    .isLessThanOrEqualTo(Quantity.getAmountInBytes(Quantity.parse(limit)));
        }
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void setsOnlyVariablesTheServiceReadsAndEveryOneWhoseDefaultIsLocalhost(String overlay, String service) {
        ServiceConfiguration config = ServiceConfiguration.of(service);
        Map<String, String> environment = environment(rendered(overlay), service);

        assertThat(config.readableVariables()).containsAll(environment.keySet().stream()
                .filter(name -> !name.equals(SET_BY_QUARKUS_KUBERNETES)).toList());
        assertThat(environment.keySet()).containsAll(config.variablesDefaultingToLocalhost());
        assertThat(environment.values()).noneMatch(v -> v.contains("localhost:5432") || v.contains("localhost:9092"));
        assertThat(URI.create(environment.get("CRM_DB_URL")).getPath()).isEqualTo("/" + config.databaseName());
        assertThat(environment.get("CRM_DB_JDBC_URL")).isEqualTo("jdbc:" + environment.get("CRM_DB_URL"));
        assertThat(URI.create(environment.get("CRM_OIDC_URL")).getPath()).isEqualTo("/realms/" + Realm.name());
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void takesCredentialsFromDocumentedSecretsOnly(String overlay, String service) {
        JsonNode container = Manifests.container(rendered(overlay).get("Deployment", service));
        String readme = Repository.read("deploy/README.md");
        Map<String, JsonNode> secretRefs = new LinkedHashMap<>();
        container.path("env").forEach(e -> {
            if (e.path("valueFrom").has("secretKeyRef")) {
                secretRefs.put(e.path("name").asText(), e.path("valueFrom").path("secretKeyRef"));
            }
        });

        assertThat(secretRefs).containsKeys("CRM_DB_USER", "CRM_DB_PASSWORD");
        environment(rendered(overlay), service).keySet().stream()
                .filter(name -> name.contains("PASSWORD") || name.contains("SECRET"))
                .forEach(name -> assertThat(secretRefs).as(name + " comes from a Secret").containsKey(name));
        secretRefs.values().forEach(ref -> assertThat(readme).as("deploy/README.md tells how to create " + ref)
                .contains("`" + ref.path("name").asText() + "`").contains("`" + ref.path("key").asText() + "`"));
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void serviceSelectsThePodsAndForwardsToTheirHttpPort(String overlay, String service) {
        Manifests manifests = rendered(overlay);
        JsonNode deployment = manifests.get("Deployment", service);
        JsonNode k8sService = manifests.get("Service", service);
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        int port = ServiceConfiguration.of(service).httpPort();

        k8sService.path("spec").path("selector").fields().forEachRemaining(label ->
                assertThat(podLabels.path(label.getKey()).asText()).isEqualTo(label.getValue().asText()));
        deployment.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(label ->
                assertThat(podLabels.path(label.getKey()).asText()).isEqualTo(label.getValue().asText()));
        JsonNode servicePort = k8sService.path("spec").path("ports").get(0);
        assertThat(servicePort.path("name").asText()).as("the Ingress names the port").isEqualTo("http");
        assertThat(containerPort(Manifests.container(deployment), servicePort.path("targetPort").asText())).isEqualTo(port);
        assertThat(Manifests.container(deployment).path("image").asText()).contains("salescrm/" + service + ":");
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void aDrainTakesOneInstanceAtATime(String overlay, String service) {
        Manifests manifests = rendered(overlay);
        JsonNode budget = manifests.get("PodDisruptionBudget", service).path("spec");
        JsonNode podLabels = manifests.get("Deployment", service).path("spec").path("template").path("metadata").path("labels");

        assertThat(budget.path("maxUnavailable").asInt()).isEqualTo(1);
        assertThat(budget.path("selector").path("matchLabels").size()).isPositive();
        budget.path("selector").path("matchLabels").fields().forEachRemaining(label ->
                assertThat(podLabels.path(label.getKey()).asText()).isEqualTo(label.getValue().asText()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void autoscalesAnalyticsAndVisitServiceWithinThePartitionsTheyConsume(String overlay) {
        Manifests manifests = rendered(overlay);
        List<ObjectNode> autoscalers = manifests.ofKind("HorizontalPodAutoscaler");
        int fewestPartitions = manifests.ofKind("KafkaTopic").stream()
                .filter(t -> !Topics.isDeadLetter(topicName(t)))
                .mapToInt(t -> t.path("spec").path("partitions").asInt()).min().orElseThrow();

        assertThat(autoscalers).extracting(a -> a.path("spec").path("scaleTargetRef").path("name").asText())
                .contains("analytics-service", "visit-service");
        for (ObjectNode autoscaler : autoscalers) {
            JsonNode spec = autoscaler.path("spec");
            assertThat(autoscaler.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
            assertThat(spec.path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
            assertThat(manifests.find("Deployment", spec.path("scaleTargetRef").path("name").asText()))
                    .as(Manifests.name(autoscaler) + " scales a Deployment that exists").isPresent();
            assertThat(spec.path("minReplicas").asInt()).isPositive().isLessThanOrEqualTo(spec.path("maxReplicas").asInt());
            assertThat(spec.path("maxReplicas").asInt()).as("no more consumers than partitions")
                    .isLessThanOrEqualTo(fewestPartitions);
            assertThat(spec.path("metrics")).isNotEmpty();
        }
    }

    /**
     * analytics-service reads these four on one channel with the range assignor, which hands each instance the same
     * partition numbers of every topic: only with one partition count are all of a customer's events on one instance.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void givesTheCustomerKeyedTopicsOnePartitionCount(String overlay) {
        Set<String> customerKeyed = Set.of(org.salescrm.events.Topics.CUSTOMERS,
                org.salescrm.events.Topics.OPPORTUNITIES, org.salescrm.events.Topics.VISITS,
                org.salescrm.events.Topics.FOLLOW_UPS);
        Map<String, Integer> partitions = new HashMap<>();
        rendered(overlay).ofKind("KafkaTopic").stream().filter(t -> customerKeyed.contains(topicName(t)))
                .forEach(t -> partitions.put(topicName(t), t.path("spec").path("partitions").asInt()));

        assertThat(partitions.keySet()).isEqualTo(customerKeyed);
        assertThat(new TreeSet<>(partitions.values())).as("partition counts of " + partitions).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void declaresEveryTopicForTheKafkaClusterTheServicesUse(String overlay) {
        Manifests manifests = rendered(overlay);
        Set<String> declared = new TreeSet<>();
        for (ObjectNode topic : manifests.ofKind("KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            String cluster = topic.path("metadata").path("labels").path("strimzi.io/cluster").asText();
            declared.add(topicName(topic));
            assertThat(topic.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1beta2");
            assertThat(spec.path("partitions").asInt()).as(topicName(topic) + " partitions").isPositive();
            assertThat(spec.path("replicas").asInt()).as(topicName(topic) + " replicas").isPositive();
            assertThat(spec.path("config").path("retention.ms").asLong()).as(topicName(topic) + " retention").isPositive();
            assertThat(spec.path("config").path("min.insync.replicas").asInt(1))
                    .as("producers use acks=all: in-sync replicas must be reachable")
                    .isLessThanOrEqualTo(spec.path("replicas").asInt());
            for (String service : Repository.serviceModules()) {
                assertThat(environment(manifests, service).get("CRM_KAFKA_BOOTSTRAP"))
                        .as(service + " talks to the cluster the topics belong to")
                        .isEqualTo(cluster + "-kafka-bootstrap:9092");
            }
        }

        assertThat(declared).containsAll(Topics.expected());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void routesEveryApiResourceToTheServiceOwningIt(String overlay) {
        Manifests manifests = rendered(overlay);
        Map<String, String> routes = new LinkedHashMap<>();
        for (ObjectNode ingress : manifests.ofKind("Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    JsonNode backend = path.path("backend").path("service");
                    String previous = routes.put(path.path("path").asText(), backend.path("name").asText());
                    assertThat(previous).as("one route per path").isNull();
                    assertThat(path.path("pathType").asText()).isEqualTo("Prefix");
                    assertThat(manifests.get("Service", backend.path("name").asText()).path("spec").path("ports"))
                            .as("the backend's port exists")
                            .anyMatch(p -> p.path("name").asText().equals(backend.path("port").path("name").asText()));
                }
            }
        }
        Map<String, String> owners = new LinkedHashMap<>(ApiContract.RESOURCES);
        owners.putAll(ApiContract.declaredInSources());

        owners.forEach((resource, service) ->
                assertThat(routes).as("/api/v1/" + resource).containsEntry("/api/v1/" + resource, service));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void carriesTheRealmAsAConfigMapAndNoSecretValues(String overlay) {
        Manifests manifests = rendered(overlay);

        assertThat(manifests.get("ConfigMap", "crm-realm").path("data").path("crm-realm.json").asText())
                .isEqualTo(Repository.read(Realm.FILE));
        assertThat(manifests.ofKind("Secret")).as("Secrets are created in the cluster, never committed").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void putsEverythingInTheOverlaysNamespace(String overlay) {
        Manifests manifests = rendered(overlay);
        List<ObjectNode> namespaces = manifests.ofKind("Namespace");
        assertThat(namespaces).hasSize(1);
        String namespace = Manifests.name(namespaces.get(0));

        List<String> elsewhere = new ArrayList<>();
        manifests.resources().stream().filter(r -> !"Namespace".equals(r.path("kind").asText()))
                .filter(r -> !namespace.equals(r.path("metadata").path("namespace").asText()))
                .forEach(r -> elsewhere.add(r.path("kind").asText() + " " + Manifests.name(r)));
        assertThat(elsewhere).isEmpty();
    }

    static String topicName(JsonNode topic) {
        return topic.path("spec").path("topicName").asText(Manifests.name(topic));
    }

    /** The container's environment: its ConfigMaps' data, then its own env entries (a value or a reference). */
    static Map<String, String> environment(Manifests manifests, String service) {
        JsonNode container = Manifests.container(manifests.get("Deployment", service));
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            assertThat(source.has("configMapRef")).as(service + " takes variables from ConfigMaps only").isTrue();
            manifests.get("ConfigMap", source.path("configMapRef").path("name").asText()).path("data")
                    .fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode variable : container.path("env")) {
            environment.put(variable.path("name").asText(),
                    variable.has("value") ? variable.path("value").asText() : variable.path("valueFrom").toString());
        }
        return environment;
    }

    /** A probe or Service names a port by number or by the container port's name. */
    static int containerPort(JsonNode container, String nameOrNumber) {
        if (nameOrNumber.matches("\\d+")) {
            return Integer.parseInt(nameOrNumber);
        }
        for (JsonNode port : container.path("ports")) {
            if (nameOrNumber.equals(port.path("name").asText())) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + nameOrNumber);
    }
}
