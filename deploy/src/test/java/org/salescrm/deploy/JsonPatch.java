package org.salescrm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 6902 add, replace, remove and test, as kustomize applies them to one resource. */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(ObjectNode document, ArrayNode operations) {
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText();
            String path = operation.path("path").asText();
            JsonNode value = operation.get("value");
            String[] tokens = tokens(path);
            JsonNode parent = parentOf(document, tokens, path);
            String last = tokens[tokens.length - 1];
            switch (op) {
                case "add" -> add(parent, last, value.deepCopy(), path);
                case "replace" -> {
                    remove(parent, last, path);
                    add(parent, last, value.deepCopy(), path);
                }
                case "remove" -> remove(parent, last, path);
                case "test" -> {
                    if (!value.equals(child(parent, last))) {
                        throw new IllegalStateException("test failed at " + path);
                    }
                }
                default -> throw new UnsupportedOperationException("JSON patch op " + op + " is not rendered by these checks");
            }
        }
    }

    private static String[] tokens(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not a JSON pointer: " + path);
        }
        String[] tokens = path.substring(1).split("/", -1);
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = tokens[i].replace("~1", "/").replace("~0", "~");
        }
        return tokens;
    }

    private static JsonNode parentOf(JsonNode document, String[] tokens, String path) {
        JsonNode node = document;
        for (int i = 0; i < tokens.length - 1; i++) {
            node = child(node, tokens[i]);
            if (node == null) {
                throw new IllegalStateException("no " + path + ": the parent is missing");
            }
        }
        return node;
    }

    private static JsonNode child(JsonNode node, String token) {
        if (node.isArray()) {
            int index = Integer.parseInt(token);
            return index < node.size() ? node.get(index) : null;
        }
        return node.get(token);
    }

    private static void add(JsonNode parent, String token, JsonNode value, String path) {
        if (parent instanceof ObjectNode object) {
            object.set(token, value);
        } else if (parent instanceof ArrayNode array) {
            int index = "-".equals(token) ? array.size() : Integer.parseInt(token);
            if (index > array.size()) {
                throw new IllegalStateException("index out of range at " + path);
            }
            array.insert(index, value);
        } else {
            throw new IllegalStateException("cannot add below a value at " + path);
        }
    }

    private static void remove(JsonNode parent, String token, String path) {
        if (child(parent, token) == null) {
            throw new IllegalStateException("nothing to replace or remove at " + path);
        }
        if (parent instanceof ObjectNode object) {
            object.remove(token);
        } else {
            ((ArrayNode) parent).remove(Integer.parseInt(token));
        }
    }
}
