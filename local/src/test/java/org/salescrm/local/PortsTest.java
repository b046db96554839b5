package org.salescrm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aTakenPortIsNamedWithItsComponentAndOwner() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("localhost", 0));
            int port = taken.getLocalPort();
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("customer-service", port);

            assertThat(Ports.inUse(port)).isTrue();
            assertThatThrownBy(() -> Ports.requireFree(ports))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + port + " (needed by customer-service) is already in use")
                    .hasMessageContaining("./crm down");
            if (Files.isReadable(Path.of("/proc/net/tcp"))) {
                // This very JVM holds it: on Linux, /proc names the pid and its command.
                assertThat(Ports.owner(port)).hasValueSatisfying(owner -> assertThat(owner)
                        .startsWith("pid " + ProcessHandle.current().pid() + " (").contains("java"));
            }
        }
    }

    @Test
    void freePortsPass() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThat(Ports.inUse(port)).isFalse();
        Ports.requireFree(Map.of("kafka", port));
    }

    @Test
    void theStackUsesTheContractPorts() {
        assertThat(Components.ports(Map.of())).containsExactly(
                Map.entry("postgres", 5432), Map.entry("kafka", 9092), Map.entry("kafka-controller", 9093),
                Map.entry("keycloak", 8180), Map.entry("customer-service", 8081), Map.entry("visit-service", 8082),
                Map.entry("target-service", 8083), Map.entry("analytics-service", 8084), Map.entry("web", 8080));
        assertThat(Components.ports(Map.of("CRM_LOCAL_POSTGRES_PORT", "15432"))).containsEntry("postgres", 15432);
        assertThatThrownBy(() -> Components.ports(Map.of("CRM_LOCAL_KAFKA_PORT", "ninety")))
                .isInstanceOf(StackException.class).hasMessageContaining("CRM_LOCAL_KAFKA_PORT=ninety");
    }
}
