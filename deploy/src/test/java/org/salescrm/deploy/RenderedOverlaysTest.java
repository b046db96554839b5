package org.salescrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed renders ({@code deploy/k8s/rendered/<overlay>.yaml}) are what kubectl makes of the overlays, so a
 * reviewer sees the whole effect of a change and the checks run on a machine without kubectl too.
 */
class RenderedOverlaysTest {

    static final String REFRESH = "refresh with: ./mvnw -B -pl customer-service,visit-service,target-service,"
            + "analytics-service,deploy -am package -DskipTests -Pk8s-generate (deploy/README.md)";

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theCommittedRenderIsWhatKubectlMakesOfTheOverlay(String overlay) {
        String committed = Repository.read(Manifests.renderedPath(overlay));

        // Where kubectl exists the render must be current; everywhere it must hold every generated resource.
        Manifests.kubectl().ifPresent(kubectl -> assertThat(committed).as(Manifests.renderedPath(overlay) + " is stale; " + REFRESH)
                .isEqualTo(Manifests.kustomize(kubectl, overlay)));
        Manifests rendered = Manifests.committed(overlay);
        for (String service : Repository.serviceModules()) {
            List<String> generated = Manifests.parse(Repository.read(GeneratedManifestsTest.committedPath(service))).stream()
                    .map(r -> r.path("kind").asText() + " " + Manifests.name(r)).toList();
            assertThat(generated).as(service + " generates its Deployment and Service")
                    .contains("Deployment " + service, "Service " + service);
            generated.forEach(resource -> assertThat(rendered.find(resource.split(" ")[0], resource.split(" ")[1]))
                    .as(Manifests.renderedPath(overlay) + " holds " + resource + "; " + REFRESH).isPresent());
        }
    }
}
