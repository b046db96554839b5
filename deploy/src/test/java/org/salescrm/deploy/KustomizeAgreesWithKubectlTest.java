package org.salescrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where kubectl is installed, its own kustomize renders each overlay and the result must equal what
 * the checks rendered. Without kubectl the renderer is covered by {@link KustomizeTest} alone.
 */
class KustomizeAgreesWithKubectlTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void rendersTheOverlayAsKubectlDoes(String overlay) throws Exception {
        Path kubectl = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl")).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(kubectl != null, "kubectl is not installed");
        Path output = Files.createTempFile("kustomize-" + overlay, ".yaml");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", "deploy/k8s/overlays/" + overlay)
                    .directory(Repository.root().toFile()).redirectOutput(output.toFile())
                    .redirectErrorStream(false).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isZero();

            assertThat(sorted(Kustomize.documents(output))).isEqualTo(sorted(Manifests.overlay(overlay).resources()));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** kubectl orders resources by kind; the comparison ignores order. Numbers compare by value. */
    private static List<JsonNode> sorted(List<ObjectNode> resources) throws Exception {
        return resources.stream()
                .map(r -> {
                    try {
                        return Repository.JSON.readTree(Repository.JSON.writeValueAsString(r));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .sorted(Comparator.comparing((JsonNode r) -> r.path("kind").asText()).thenComparing(Kustomize::name))
                .toList();
    }
}
