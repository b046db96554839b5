package org.salescrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer the checks rely on does what kustomize does, and refuses what it cannot do. */
class KustomizeTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                    - name: web
                      image: example/web:1.0
                      env:
                        - name: A
                          value: "1"
                      resources:
                        limits:
                          memory: 1Gi
            ---
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaTopic
            metadata:
              name: crm.things
            spec:
              partitions: 3
              config:
                retention.ms: 1000
            """;

    @TempDir
    Path dir;

    @Test
    void overlayAppliesNamespaceReplicasImagesAndPatches() throws IOException {
        write("base/app.yaml", DEPLOYMENT);
        write("base/kustomization.yaml", "resources:\n  - app.yaml\n");
        write("overlay/kustomization.yaml", """
                namespace: team
                resources:
                  - ../base
                replicas:
                  - name: web
                    count: 5
                images:
                  - name: example/web
                    newName: registry.example.com/web
                    newTag: "2.0"
                patches:
                  - target:
                      group: kafka.strimzi.io
                      kind: KafkaTopic
                    patch: |-
                      - op: add
                        path: /spec/config/min.insync.replicas
                        value: 2
                      - op: replace
                        path: /spec/partitions
                        value: 6
                  - patch: |-
                      kind: Deployment
                      metadata:
                        name: web
                      spec:
                        template:
                          spec:
                            containers:
                              - name: web
                                env:
                                  - name: B
                                    value: "2"
                                resources:
                                  limits:
                                    memory: 2Gi
                """);

        List<ObjectNode> resources = Kustomize.build(dir.resolve("overlay"));

        ObjectNode web = resources.get(0);
        assertThat(web.path("metadata").path("namespace").asText()).isEqualTo("team");
        assertThat(web.path("spec").path("replicas").asInt()).isEqualTo(5);
        assertThat(Manifests.container(web).path("image").asText()).isEqualTo("registry.example.com/web:2.0");
        assertThat(Manifests.container(web).path("env")).extracting(e -> e.path("name").asText()).containsExactly("A", "B");
        assertThat(Manifests.container(web).path("resources").path("limits").path("memory").asText()).isEqualTo("2Gi");
        ObjectNode topic = resources.get(1);
        assertThat(topic.path("spec").path("partitions").asInt()).isEqualTo(6);
        assertThat(topic.path("spec").path("config").path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(topic.path("spec").path("config").path("retention.ms").asInt()).isEqualTo(1000);
    }

    @Test
    void configMapGeneratorReadsFilesAndLiterals() throws IOException {
        write("realm/realm.json", "{\"realm\": \"crm\"}\n");
        write("realm/kustomization.yaml", """
                generatorOptions:
                  disableNameSuffixHash: true
                configMapGenerator:
                  - name: realm
                    files:
                      - realm.json
                      - renamed.json=realm.json
                    literals:
                      - MODE=dev
                """);

        ObjectNode configMap = Kustomize.build(dir.resolve("realm")).get(0);

        assertThat(configMap.path("kind").asText()).isEqualTo("ConfigMap");
        assertThat(configMap.path("data").path("realm.json").asText()).isEqualTo("{\"realm\": \"crm\"}\n");
        assertThat(configMap.path("data").path("renamed.json").asText()).isEqualTo("{\"realm\": \"crm\"}\n");
        assertThat(configMap.path("data").path("MODE").asText()).isEqualTo("dev");
    }

    @Test
    void refusesWhatItDoesNotRender() throws IOException {
        write("a/app.yaml", DEPLOYMENT);
        write("a/kustomization.yaml", "resources:\n  - app.yaml\nnamePrefix: x-\n");

        assertThatThrownBy(() -> Kustomize.build(dir.resolve("a"))).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("namePrefix");
    }

    @Test
    void failsOnAPatchThatMatchesNothingOrAPathThatIsMissing() throws IOException {
        write("b/app.yaml", DEPLOYMENT);
        write("b/kustomization.yaml", """
                resources:
                  - app.yaml
                patches:
                  - target:
                      kind: StatefulSet
                    patch: |-
                      - op: replace
                        path: /spec/replicas
                        value: 1
                """);
        write("c/app.yaml", DEPLOYMENT);
        write("c/kustomization.yaml", """
                resources:
                  - app.yaml
                patches:
                  - target:
                      kind: Deployment
                    patch: |-
                      - op: replace
                        path: /spec/paused
                        value: true
                """);

        assertThatThrownBy(() -> Kustomize.build(dir.resolve("b"))).hasMessageContaining("matches no resource");
        assertThatThrownBy(() -> Kustomize.build(dir.resolve("c"))).hasMessageContaining("/spec/paused");
    }

    @Test
    void failsOnAResourceDeclaredTwice() throws IOException {
        write("d/app.yaml", DEPLOYMENT);
        write("d/again.yaml", DEPLOYMENT);
        write("d/kustomization.yaml", "resources:\n  - app.yaml\n  - again.yaml\n");

        assertThatThrownBy(() -> Kustomize.build(dir.resolve("d"))).hasMessageContaining("declared twice");
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
