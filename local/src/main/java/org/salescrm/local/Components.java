package org.salescrm.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The stack's parts and their fixed local ports (the services', the web app's and Keycloak's are part of the API contract). */
final class Components {

    static final String POSTGRES = "postgres";
    static final String KAFKA = "kafka";
    static final String KAFKA_CONTROLLER = "kafka-controller";
    static final String KEYCLOAK = "keycloak";
    static final String LAUNCHER = "launcher";
    /** The web app (module web/): the page managers and reps open, on the APIs of the four services. */
    static final String WEB = "web";

    static final int KEYCLOAK_PORT = 8180;
    static final int WEB_PORT = 8080;

    /** A service: its module, local port, database and the API paths it owns (for the banner). */
    record Service(String name, int port, String database, String paths) {
        String baseUrl() {
            return "http://localhost:" + port;
        }
    }

    static final List<Service> SERVICES = List.of(
            new Service("customer-service", 8081, "customer", "/api/v1/customers, /key-persons, /opportunities"),
            new Service("visit-service", 8082, "visit", "/api/v1/visits, /follow-ups, /visit-plans"),
            new Service("target-service", 8083, "target", "/api/v1/goals, /evaluations"),
            new Service("analytics-service", 8084, "analytics", "/api/v1/alerts, /webhooks, /reports"));

    private Components() {
    }

    static int postgresPort(Map<String, String> env) {
        return port(env, "CRM_LOCAL_POSTGRES_PORT", 5432);
    }

    static int kafkaPort(Map<String, String> env) {
        return port(env, "CRM_LOCAL_KAFKA_PORT", 9092);
    }

    static int kafkaControllerPort(Map<String, String> env) {
        return port(env, "CRM_LOCAL_KAFKA_CONTROLLER_PORT", 9093);
    }

    static String webUrl() {
        return "http://localhost:" + WEB_PORT;
    }

    static Service service(String name) {
        return SERVICES.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** The ports of PostgreSQL, Kafka and Keycloak alone ({@code ./crm up --infra}). */
    static Map<String, Integer> infrastructurePorts(Map<String, String> env) {
        Map<String, Integer> ports = new java.util.LinkedHashMap<>(ports(env));
        SERVICES.forEach(service -> ports.remove(service.name()));
        return ports;
    }

    /** Every port the stack listens on, by the component that needs it, in start order. */
    static Map<String, Integer> ports(Map<String, String> env) {
        List<Map.Entry<String, Integer>> ports = new ArrayList<>();
        ports.add(Map.entry(POSTGRES, postgresPort(env)));
        ports.add(Map.entry(KAFKA, kafkaPort(env)));
        ports.add(Map.entry(KAFKA_CONTROLLER, kafkaControllerPort(env)));
        ports.add(Map.entry(KEYCLOAK, KEYCLOAK_PORT));
        SERVICES.forEach(service -> ports.add(Map.entry(service.name(), service.port())));
        ports.add(Map.entry(WEB, WEB_PORT));
        Map<String, Integer> ordered = new java.util.LinkedHashMap<>();
        ports.forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        return ordered;
    }

    private static int port(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StackException(variable + "=" + value + " is not a port number (1-65535)");
        }
    }
}
