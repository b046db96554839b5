package org.salescrm.deploy;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A rendered set of Kubernetes resources, looked up by kind and name. */
record Manifests(String source, List<ObjectNode> resources) {

    static Manifests overlay(String overlay) {
        String path = "deploy/k8s/overlays/" + overlay;
        return new Manifests(path, Kustomize.build(Repository.path(path)));
    }

    List<ObjectNode> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(Kustomize.name(r))).findFirst();
    }

    ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(source + " renders no " + kind + " " + name));
    }

    /** The one container of a service's Deployment. */
    static JsonNode container(JsonNode deployment) {
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        if (containers.size() != 1) {
            throw new AssertionError(Kustomize.name(deployment) + " should run one container, runs " + containers.size());
        }
        return containers.get(0);
    }
}
