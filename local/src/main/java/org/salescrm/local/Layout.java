package org.salescrm.local;

import java.nio.file.Path;

/**
 * Where the local stack keeps its state: everything under {@code .crm/} at the repository root (git-ignored).
 * {@code ./crm up --reset} forgets the data (databases, broker, Keycloak's users) and starts afresh.
 */
record Layout(Path root) {

    static Layout fromSystemProperty() {
        return new Layout(Path.of(System.getProperty("crm.root", ".")).toAbsolutePath().normalize());
    }

    Path work() {
        return root.resolve(".crm");
    }

    Path logs() {
        return work().resolve("logs");
    }

    Path log(String component) {
        return logs().resolve(component + ".log");
    }

    Path run() {
        return work().resolve("run");
    }

    Path pidFile(String component) {
        return run().resolve(component + ".pid");
    }

    /** One line: STARTING, READY or FAILED followed by a reason; {@code ./crm up --detach} waits on it. */
    Path stateFile() {
        return run().resolve("state");
    }

    Path apps() {
        return work().resolve("apps");
    }

    /** Every record of the stack: {@code ./crm up --reset} deletes it. */
    Path data() {
        return work().resolve("data");
    }

    Path postgresData() {
        return data().resolve("postgres");
    }

    Path kafkaData() {
        return data().resolve("kafka");
    }

    Path downloads() {
        return work().resolve("downloads");
    }

    Path keycloakHome(String version) {
        return work().resolve("keycloak").resolve("keycloak-" + version);
    }

    Path realmFile() {
        return root.resolve("deploy").resolve("keycloak").resolve("crm-realm.json");
    }

    Path builtApp(String service) {
        return root.resolve(service).resolve("target").resolve("quarkus-app");
    }
}
