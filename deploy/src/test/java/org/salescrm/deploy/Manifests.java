package org.salescrm.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A rendered set of Kubernetes resources, looked up by kind and name: what {@code kubectl kustomize} makes of an
 * overlay where kubectl is installed, the committed render ({@code deploy/k8s/rendered/<overlay>.yaml}) elsewhere.
 * {@link RenderedOverlaysTest} holds the two equal.
 */
record Manifests(String source, List<ObjectNode> resources) {

    static Manifests overlay(String overlay) {
        return kubectl().map(k -> new Manifests("kubectl kustomize " + overlayPath(overlay), parse(kustomize(k, overlay))))
                .orElseGet(() -> committed(overlay));
    }

    static Manifests committed(String overlay) {
        Path file = Repository.path(renderedPath(overlay));
        return new Manifests(renderedPath(overlay), parse(Repository.read(file)));
    }

    static String overlayPath(String overlay) {
        return "deploy/k8s/overlays/" + overlay;
    }

    static String renderedPath(String overlay) {
        return "deploy/k8s/rendered/" + overlay + ".yaml";
    }

    /** kubectl on the PATH, if any: its built-in kustomize is the one `kubectl apply -k` uses. */
    static Optional<Path> kubectl() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl")).filter(Files::isExecutable).findFirst();
    }

    static String kustomize(Path kubectl, String overlay) {
        try {
            Path output = Files.createTempFile("kustomize-" + overlay, ".yaml");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", overlayPath(overlay))
                        .directory(Repository.root().toFile()).redirectOutput(output.toFile()).start();
                String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new AssertionError("kubectl kustomize " + overlayPath(overlay) + " failed: " + errors);
                }
                return Files.readString(output);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every document of a multi-document YAML text that is an object (comments and empty documents dropped). */
    static List<ObjectNode> parse(String yaml) {
        List<ObjectNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = Repository.YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                if (it.next() instanceof ObjectNode document) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    List<ObjectNode> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(name(r))).findFirst();
    }

    ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(source + " renders no " + kind + " " + name));
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    /** The one container of a service's Deployment. */
    static JsonNode container(JsonNode deployment) {
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        if (containers.size() != 1) {
            throw new AssertionError(name(deployment) + " should run one container, runs " + containers.size());
        }
        return containers.get(0);
    }
}
