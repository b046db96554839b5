package org.salescrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each service's Deployment and Service are written by quarkus-kubernetes when the service is packaged
 * ({@code <service>/target/kubernetes/kubernetes.yml}); kustomize reads the committed copy under
 * {@code deploy/k8s/base/generated/<service>/}. A full build packages the services before this module, so the copy
 * is compared with what the service's configuration generates now.
 */
class GeneratedManifestsTest {

    static String committedPath(String service) {
        return "deploy/k8s/base/generated/" + service + "/kubernetes.yml";
    }

    static Path builtPath(String service) {
        return Repository.path(service + "/target/kubernetes/kubernetes.yml");
    }

    @Test
    void theBaseTakesEveryServicesGeneratedManifest() {
        String kustomization = Repository.read("deploy/k8s/base/kustomization.yaml");

        for (String service : Repository.serviceModules()) {
            assertThat(Repository.path(committedPath(service))).as(service).isRegularFile();
            assertThat(kustomization).contains("- generated/" + service + "/kubernetes.yml");
        }
    }

    /**
     * One comparison per service packaged in this working copy (all of them in a full build). The documents are
     * compared, not the text: quarkus-kubernetes writes labels in no fixed order.
     */
    @TestFactory
    Stream<DynamicTest> theCommittedCopyIsWhatTheServiceGenerates() {
        return Repository.serviceModules().stream().filter(service -> Files.isRegularFile(builtPath(service)))
                .map(service -> DynamicTest.dynamicTest(service, () ->
                        assertThat(Manifests.parse(Repository.read(committedPath(service))))
                                .as(committedPath(service) + " differs from " + builtPath(service) + "; " + RenderedOverlaysTest.REFRESH)
                                .isEqualTo(Manifests.parse(Repository.read(builtPath(service))))));
    }
}
