package org.salescrm.local;

import java.util.Map;
import java.util.Optional;

import org.salescrm.local.Components.Service;
import org.salescrm.testsupport.ServiceProcess;

/** {@code ./crm status}: one line per component with its port and whether it is healthy. */
final class Status {

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
