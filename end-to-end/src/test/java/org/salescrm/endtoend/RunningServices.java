package org.salescrm.endtoend;

import java.nio.file.Path;
import java.util.Map;
import org.salescrm.embedded.ServiceProcess;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.embedded.SharedPostgres;
import org.salescrm.testsupport.TestTokens;

/** Starts a built service against the shared broker, its own database and the test token key. */
final class RunningServices {

    private RunningServices() {
    }

    static ServiceProcess start(String service, String database) {
        return start(service, database, Map.of());
    }

    /** With extra settings, such as a rate limit switched off for a load run. */
    static ServiceProcess start(String service, String database, Map<String, String> settings) {
        SharedPostgres.createDatabase(database);
        ServiceProcess process = ServiceProcess.of(service, Path.of("..", service, "target", "quarkus-app"),
                        Path.of("target", "e2e-logs", service + ".log"))
                .with("quarkus.datasource.jdbc.url", SharedPostgres.jdbcUrl(database))
                .with("quarkus.datasource.reactive.url", SharedPostgres.reactiveUrl(database))
                .with("quarkus.datasource.username", SharedPostgres.username())
                .with("quarkus.datasource.password", SharedPostgres.password())
                .with("kafka.bootstrap.servers", SharedKafka.bootstrapServers())
                .with("quarkus.oidc.auth-server-url", "")
                .with("quarkus.oidc.public-key", TestTokens.publicKeyBase64())
                .with("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        settings.forEach(process::with);
        return process.start();
    }
}
