package org.salescrm.local;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

import org.salescrm.local.Components.Service;
import org.salescrm.embedded.ServiceProcess;

/** {@code ./crm status}: one line per component with its port and whether it is healthy. */
final class Status {

    /** The state a launcher started with {@code up --infra} records: the services are not expected to run. */
    static final String READY_INFRA_ONLY = "READY infra";

    private final Layout layout;

    Status(Layout layout) {
        this.layout = layout;
    }

    /** 0 when everything is healthy, 3 when nothing runs, 1 otherwise. */
    int run(Map<String, String> env) {
        Optional<ProcessHandle> launcher = ProcessTree.recorded(layout.pidFile(Components.LAUNCHER), layout.work().toString());
        System.out.println(launcher.map(handle -> "launcher: running (pid " + handle.pid() + ")")
                .orElse("launcher: not running"));
        System.out.printf("%-18s %-6s %-10s %s%n", "COMPONENT", "PORT", "STATE", "URL / CHECK");
        int healthy = 0;
        int total = 0;
        total++;
        healthy += line(Components.POSTGRES, Components.postgresPort(env), Ports.accepts(Components.postgresPort(env)),
                "jdbc:postgresql://localhost:" + Components.postgresPort(env) + "/<service>");
        total++;
        healthy += line(Components.KAFKA, Components.kafkaPort(env), Ports.accepts(Components.kafkaPort(env)),
                "localhost:" + Components.kafkaPort(env));
        total++;
        healthy += http(Components.KEYCLOAK, Components.KEYCLOAK_PORT, Keycloak.readyUrl(), Keycloak.baseUrl() + "/admin");
        if (launcher.isPresent() && infraOnly()) {
            Components.SERVICES.forEach(service -> notStarted(service.name(), service.port()));
            notStarted(Components.WEB, Components.WEB_PORT);
            return healthy == total ? 0 : 1;
        }
        for (Service service : Components.SERVICES) {
            total++;
            healthy += http(service.name(), service.port(), service.baseUrl() + "/q/health/ready",
                    service.baseUrl() + "/q/swagger-ui");
        }
        total++;
        healthy += http(Components.WEB, Components.WEB_PORT, Components.webUrl() + "/q/health/ready", Components.webUrl());
        if (healthy == total) {
            return 0;
        }
        return launcher.isEmpty() && healthy == 0 ? 3 : 1;
    }

    private boolean infraOnly() {
        try {
            return Files.readString(layout.stateFile()).strip().equals(READY_INFRA_ONLY);
        } catch (IOException e) {
            return false;
        }
    }

    /** A service left to {@code quarkus:dev} under {@code up --infra}: shown, not counted against health. */
    private static void notStarted(String component, int port) {
        System.out.printf("%-18s %-6d %-10s %s%n", component, port, "--infra", "not started by the launcher");
    }

    private static int http(String component, int port, String check, String url) {
        if (!Ports.accepts(port)) {
            return line(component, port, false, url);
        }
        boolean ok = ServiceProcess.answersOk(check);
        System.out.printf("%-18s %-6d %-10s %s%n", component, port, ok ? "healthy" : "unhealthy",
                ok ? url : check + " does not answer 200");
        return ok ? 1 : 0;
    }

    private static int line(String component, int port, boolean up, String url) {
        System.out.printf("%-18s %-6d %-10s %s%n", component, port, up ? "healthy" : "down", up ? url : "");
        return up ? 1 : 0;
    }
}
