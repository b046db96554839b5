package org.salescrm.local;

import java.io.PrintStream;

import org.salescrm.local.Components.Service;

/** What {@code ./crm up} prints once everything is ready: where things are, who can log in, how to stop. */
final class Banner {

    private Banner() {
    }

    static void print(Layout layout, java.util.Map<String, String> env, CommandLine command, PrintStream out) {
        out.println();
        if (command.infra()) {
            out.println("The local infrastructure is running (no service, no demo data).");
            out.println();
            out.println("  Run one service against it, with live reload (its %dev profile points here):");
            out.println("    ./mvnw quarkus:dev -pl customer-service -am     (or visit-, target-, analytics-service)");
        } else {
            out.println("Sales CRM is running locally.");
            out.println();
            out.printf("  web app            %s (log in as a demo user below; 中文 / English)%n", Components.webUrl());
            out.println();
            out.println("  APIs (bearer token required; OpenAPI at /q/openapi, Swagger UI at /q/swagger-ui):");
            for (Service service : Components.SERVICES) {
                out.printf("    %-18s %s/api/v1   %s%n", service.name(), service.baseUrl(), service.paths());
            }
            out.printf("    e.g. %s/q/swagger-ui%n", Components.SERVICES.get(0).baseUrl());
        }
        out.println();
        out.printf("  Keycloak           %s (realm %s; admin console %s/admin, user %s / %s)%n",
                Keycloak.baseUrl(), Keycloak.REALM, Keycloak.baseUrl(), Keycloak.ADMIN_USER, Keycloak.ADMIN_PASSWORD);
        out.println("  PostgreSQL         localhost:" + Components.postgresPort(env)
                + " (user postgres, databases customer, visit, target, analytics)");
        out.println("  Kafka              localhost:" + Components.kafkaPort(env));
        out.println();
        out.println("  Demo users (password " + DemoUsers.PASSWORD + "):");
        DemoUsers.DESCRIPTIONS.forEach(line -> out.println("    " + line));
        out.println();
        out.println("  A token and a call:");
        out.println("    TOKEN=$(./crm token rep-east-1)");
        out.println("    curl -H \"Authorization: Bearer $TOKEN\" http://localhost:8081/api/v1/customers");
        out.println("    curl -H \"Authorization: Bearer $(./crm token mgr-east)\" http://localhost:8084/api/v1/alerts");
        out.println();
        out.println("  Logs: " + layout.root().relativize(layout.logs()) + "/<component>.log   Data: "
                + layout.root().relativize(layout.data()) + "/ (./crm up --reset starts afresh)");
        out.println(command.detach() ? "  Stop with: ./crm down        Check with: ./crm status"
                : "  Press Ctrl-C to stop everything.");
        out.println();
        out.flush();
    }
}
