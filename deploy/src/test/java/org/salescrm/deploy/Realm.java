package org.salescrm.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** The Keycloak realm file shared by the local stack, compose and Kubernetes. */
final class Realm {

    static final String FILE = "deploy/keycloak/crm-realm.json";

    private Realm() {
    }

    static JsonNode json() {
        try {
            return Repository.JSON.readTree(Repository.read(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name() {
        return json().path("realm").asText();
    }

    /** Every string value anywhere in the realm (client ids, mapper settings such as an audience). */
    static Set<String> textValues() {
        Set<String> values = new TreeSet<>();
        collect(json(), values);
        return values;
    }

    private static void collect(JsonNode node, Set<String> values) {
        if (node.isTextual()) {
            values.add(node.asText());
        }
        node.forEach(child -> collect(child, values));
    }
}
