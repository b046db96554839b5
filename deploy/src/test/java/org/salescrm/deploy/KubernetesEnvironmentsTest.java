package org.salescrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** What sets dev and prod apart. */
class KubernetesEnvironmentsTest {

    private final Manifests dev = KubernetesOverlayTest.rendered("dev");
    private final Manifests prod = KubernetesOverlayTest.rendered("prod");

    @Test
    void devRunsOneSmallInstanceOfEachServiceOnOneBroker() {
        for (String service : Repository.serviceModules()) {
            assertThat(dev.get("Deployment", service).path("spec").path("replicas").asInt()).as(service).isEqualTo(1);
        }
        for (ObjectNode topic : dev.ofKind("KafkaTopic")) {
            assertThat(topic.path("spec").path("replicas").asInt()).as(Manifests.name(topic)).isEqualTo(1);
        }
        assertThat(Manifests.name(dev.ofKind("Namespace").get(0))).isEqualTo("crm-dev");
    }

    @Test
    void prodReplicatesEveryTopicThreeTimesAndAcknowledgesOnTwo() {
        List<ObjectNode> topics = prod.ofKind("KafkaTopic");

        assertThat(topics).isNotEmpty();
        for (ObjectNode topic : topics) {
            assertThat(topic.path("spec").path("replicas").asInt()).as(Manifests.name(topic)).isEqualTo(3);
            assertThat(topic.path("spec").path("config").path("min.insync.replicas").asInt())
                    .as(Manifests.name(topic)).isEqualTo(2);
        }
    }

    @Test
    void prodRunsMoreAndLargerInstancesThanDev() {
        for (String service : Repository.serviceModules()) {
            JsonNode prodDeployment = prod.get("Deployment", service);
            JsonNode devDeployment = dev.get("Deployment", service);
            assertThat(prodDeployment.path("spec").path("replicas").asInt()).as(service + " replicas")
                    .isGreaterThanOrEqualTo(2).isGreaterThan(devDeployment.path("spec").path("replicas").asInt());
            for (String kind : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(Quantity.getAmountInBytes(Quantity.parse(resources(prodDeployment, kind, resource))))
                            .as(service + " " + kind + " " + resource)
                            .isGreaterThan(Quantity.getAmountInBytes(Quantity.parse(resources(devDeployment, kind, resource))));
                }
            }
        }
        for (ObjectNode autoscaler : prod.ofKind("HorizontalPodAutoscaler")) {
            assertThat(autoscaler.path("spec").path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void prodServesTheApiOnItsHostOverTls() {
        JsonNode ingress = prod.get("Ingress", "crm-api").path("spec");
        String host = ingress.path("rules").get(0).path("host").asText();

        assertThat(host).isNotBlank();
        assertThat(ingress.path("tls").get(0).path("hosts")).extracting(JsonNode::asText).contains(host);
        assertThat(ingress.path("tls").get(0).path("secretName").asText()).isNotBlank();
        for (String service : Repository.serviceModules()) {
            assertThat(KubernetesOverlayTest.environment(prod, service).get("CRM_CORS_ORIGINS"))
                    .as(service + " accepts the web client from the public host").isEqualTo("https://" + host);
        }
    }

    @Test
    void prodPullsVersionedImagesFromARegistry() {
        for (String service : Repository.serviceModules()) {
            String image = Manifests.container(prod.get("Deployment", service)).path("image").asText();
            assertThat(image).as(service).endsWith("/salescrm/" + service + image.substring(image.lastIndexOf(':')))
                    .doesNotEndWith(":latest");
        }
    }

    private static String resources(JsonNode deployment, String kind, String resource) {
        return Manifests.container(deployment).path("resources").path(kind).path(resource).asText();
    }
}
