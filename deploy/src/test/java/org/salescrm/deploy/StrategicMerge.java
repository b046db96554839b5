package org.salescrm.deploy;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A strategic-merge patch, for the cases manifests meet: maps merge, null deletes, lists of named
 * items (containers, env, volumes, volumeMounts) merge by name, container ports by containerPort,
 * other lists are replaced.
 */
final class StrategicMerge {

    private StrategicMerge() {
    }

    static void apply(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            JsonNode current = target.get(key);
            if (key.startsWith("$")) {
                throw new UnsupportedOperationException("directive " + key + " is not rendered by these checks");
            } else if (value.isNull()) {
                target.remove(key);
            } else if (value.isObject() && current != null && current.isObject()) {
                apply((ObjectNode) current, (ObjectNode) value);
            } else if (value.isArray() && current != null && current.isArray() && mergeKey((ArrayNode) value) != null) {
                mergeList((ArrayNode) current, (ArrayNode) value, mergeKey((ArrayNode) value));
            } else {
                target.set(key, value.deepCopy());
            }
        }
    }

    private static String mergeKey(ArrayNode items) {
        for (String key : new String[] {"name", "containerPort"}) {
            boolean all = !items.isEmpty();
            for (JsonNode item : items) {
                all &= item.isObject() && item.has(key);
            }
            if (all) {
                return key;
            }
        }
        return null;
    }

    private static void mergeList(ArrayNode current, ArrayNode patch, String key) {
        for (JsonNode item : patch) {
            ObjectNode existing = null;
            for (JsonNode candidate : current) {
                if (candidate.path(key).equals(item.get(key))) {
                    existing = (ObjectNode) candidate;
                }
            }
            if (existing == null) {
                current.add(item.deepCopy());
            } else {
                apply(existing, (ObjectNode) item);
            }
        }
    }
}
