package org.salescrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class NoCommittedSecretsTest {

    @Test
    void noManifestUnderDeployHoldsASecretsValues() throws IOException {
        List<Path> manifests;
        try (Stream<Path> files = Files.walk(Repository.path("deploy"))) {
            manifests = files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(f -> !f.startsWith(Repository.path("deploy/target"))).toList();
        }

        assertThat(manifests).isNotEmpty();
        for (Path file : manifests) {
            for (ObjectNode document : Manifests.parse(Repository.read(file))) {
                if ("Secret".equals(document.path("kind").asText())) {
                    assertThat(document.has("data") || document.has("stringData")).as(file + " commits a Secret's values").isFalse();
                }
            }
            assertThat(Repository.read(file)).as(file.toString()).doesNotContain("secretGenerator");
        }
    }
}
