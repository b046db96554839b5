package org.salescrm.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the features these manifests
 * use: resources (files and directories), namespace, patches (JSON 6902 and strategic merge, with
 * targets), replicas, images and configMapGenerator. Anything else in a kustomization.yaml fails,
 * so a new feature cannot be silently ignored by the checks; where kubectl is installed,
 * {@link KustomizeAgreesWithKubectlTest} compares the two renderings.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "patches",
            "replicas", "images", "configMapGenerator", "generatorOptions");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "IngressClass", "PriorityClass");
    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController");

    private Kustomize() {
    }

    static List<ObjectNode> build(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + directory);
        }
        JsonNode kustomization = Repository.yaml(file);
        kustomization.fieldNames().forEachRemaining(key -> {
            if (!SUPPORTED.contains(key)) {
                throw new UnsupportedOperationException(file + ": '" + key + "' is not rendered by these checks");
            }
        });
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path resource = directory.resolve(entry.asText()).normalize();
            resources.addAll(Files.isDirectory(resource) ? build(resource) : documents(resource));
        }
        resources.addAll(configMaps(directory, kustomization));
        rejectDuplicates(resources, file);
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(directory, patch, resources);
        }
        if (kustomization.hasNonNull("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            resources.stream().filter(r -> !CLUSTER_SCOPED.contains(r.path("kind").asText()))
                    .forEach(r -> metadata(r).put("namespace", namespace));
        }
        for (JsonNode replicas : kustomization.path("replicas")) {
            String name = replicas.get("name").asText();
            List<ObjectNode> matches = resources.stream()
                    .filter(r -> SCALABLE.contains(r.path("kind").asText()) && name.equals(name(r))).toList();
            if (matches.isEmpty()) {
                throw new IllegalStateException(file + ": replicas for " + name + ", which is not a resource");
            }
            matches.forEach(r -> ((ObjectNode) r.get("spec")).put("replicas", replicas.get("count").asInt()));
        }
        for (JsonNode image : kustomization.path("images")) {
            resources.forEach(r -> retag(r, image));
        }
        return resources;
    }

    /** Every non-empty YAML document in a file, in order. */
    static List<ObjectNode> documents(Path file) {
        List<ObjectNode> documents = new ArrayList<>();
        try (var parser = Repository.YAML.createParser(file.toFile())) {
            Iterator<JsonNode> it = Repository.YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode document = it.next();
                if (document != null && !document.isNull() && !document.isMissingNode() && !document.isEmpty()) {
                    documents.add((ObjectNode) document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
        return documents;
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    static ObjectNode metadata(ObjectNode resource) {
        return resource.has("metadata") ? (ObjectNode) resource.get("metadata") : resource.putObject("metadata");
    }

    private static List<ObjectNode> configMaps(Path directory, JsonNode kustomization) {
        if (kustomization.has("configMapGenerator")
                && !kustomization.path("generatorOptions").path("disableNameSuffixHash").asBoolean(false)) {
            throw new UnsupportedOperationException(directory + ": generated names with a hash suffix are not rendered"
                    + " by these checks; set generatorOptions.disableNameSuffixHash");
        }
        List<ObjectNode> configMaps = new ArrayList<>();
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            generator.fieldNames().forEachRemaining(key -> {
                if (!Set.of("name", "files", "literals").contains(key)) {
                    throw new UnsupportedOperationException("configMapGenerator." + key + " is not rendered by these checks");
                }
            });
            ObjectNode configMap = Repository.JSON.createObjectNode();
            configMap.put("apiVersion", "v1").put("kind", "ConfigMap");
            configMap.putObject("metadata").put("name", generator.get("name").asText());
            ObjectNode data = configMap.putObject("data");
            for (JsonNode file : generator.path("files")) {
                String[] keyAndPath = file.asText().split("=", 2);
                String path = keyAndPath[keyAndPath.length - 1];
                String key = keyAndPath.length == 2 ? keyAndPath[0] : Path.of(path).getFileName().toString();
                data.put(key, Repository.read(directory.resolve(path)));
            }
            for (JsonNode literal : generator.path("literals")) {
                String[] keyAndValue = literal.asText().split("=", 2);
                data.put(keyAndValue[0], keyAndValue[1]);
            }
            configMaps.add(configMap);
        }
        return configMaps;
    }

    private static void rejectDuplicates(List<ObjectNode> resources, Path file) {
        Set<String> seen = new HashSet<>();
        for (ObjectNode r : resources) {
            String id = r.path("apiVersion").asText() + "/" + r.path("kind").asText() + "/"
                    + r.path("metadata").path("namespace").asText() + "/" + name(r);
            if (!seen.add(id)) {
                throw new IllegalStateException(file + ": " + id + " is declared twice");
            }
        }
    }

    private static void applyPatch(Path directory, JsonNode patch, List<ObjectNode> resources) {
        String text = patch.has("path") ? Repository.read(directory.resolve(patch.get("path").asText()))
                : patch.path("patch").asText();
        JsonNode body;
        try {
            body = Repository.YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse a patch in " + directory, e);
        }
        JsonNode target = patch.has("target") ? patch.get("target") : targetOf(body);
        List<ObjectNode> matches = resources.stream().filter(r -> matches(target, r)).toList();
        if (matches.isEmpty()) {
            throw new IllegalStateException(directory + ": a patch matches no resource: " + target);
        }
        for (ObjectNode resource : matches) {
            if (body.isArray()) {
                JsonPatch.apply(resource, (ArrayNode) body);
            } else {
                StrategicMerge.apply(resource, (ObjectNode) body);
            }
        }
    }

    /** A strategic-merge patch without a target names the resource it patches. */
    private static JsonNode targetOf(JsonNode body) {
        if (body.isArray()) {
            throw new IllegalArgumentException("a JSON 6902 patch needs a target");
        }
        ObjectNode target = Repository.JSON.createObjectNode();
        target.put("kind", body.path("kind").asText());
        target.put("name", Pattern.quote(name(body)));
        return target;
    }

    private static boolean matches(JsonNode target, JsonNode resource) {
        for (Iterator<Map.Entry<String, JsonNode>> it = target.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> criterion = it.next();
            String wanted = criterion.getValue().asText();
            String apiVersion = resource.path("apiVersion").asText();
            boolean ok = switch (criterion.getKey()) {
                case "kind" -> wanted.equals(resource.path("kind").asText());
                case "name" -> Pattern.matches(wanted, name(resource));
                case "group" -> wanted.equals(apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "");
                case "version" -> wanted.equals(apiVersion.substring(apiVersion.indexOf('/') + 1));
                case "labelSelector" -> labelsMatch(wanted, resource.path("metadata").path("labels"));
                default -> throw new UnsupportedOperationException("patch target " + criterion.getKey()
                        + " is not rendered by these checks");
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean labelsMatch(String selector, JsonNode labels) {
        for (String requirement : selector.split(",")) {
            String[] keyAndValue = requirement.trim().split("=", 2);
            if (keyAndValue.length != 2 || !keyAndValue[1].equals(labels.path(keyAndValue[0]).asText(null))) {
                return false;
            }
        }
        return true;
    }

    /** The images transformer: name[:tag] in a pod template's containers takes the new name and tag. */
    private static void retag(ObjectNode resource, JsonNode image) {
        JsonNode podSpec = resource.path("spec").path("template").path("spec");
        for (String containers : List.of("initContainers", "containers")) {
            for (JsonNode container : podSpec.path(containers)) {
                String current = container.path("image").asText();
                int tag = current.lastIndexOf(':') > current.lastIndexOf('/') ? current.lastIndexOf(':') : current.length();
                if (current.substring(0, tag).equals(image.get("name").asText())) {
                    String newName = image.path("newName").asText(current.substring(0, tag));
                    String newTag = image.has("newTag") ? ":" + image.get("newTag").asText() : current.substring(tag);
                    ((ObjectNode) container).put("image", newName + newTag);
                }
            }
        }
    }
}
