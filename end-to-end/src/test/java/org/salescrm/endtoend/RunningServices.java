package org.salescrm.endtoend;

import java.nio.file.Path;
import org.salescrm.testsupport.ServiceProcess;
import org.salescrm.testsupport.SharedKafka;
import org.salescrm.testsupport.SharedPostgres;
import org.salescrm.testsupport.TestTokens;

/** Starts a built service against the shared broker, its own database and the test token key. */
final class RunningServices {

    private RunningServices() {
    }

    static ServiceProcess start(String service, String database) {
        SharedPostgres.createDatabase(database);
        return ServiceProcess.of(service, Path.of("..", service, "target", "quarkus-app"),
                        Path.of("target", "e2e-logs", service + ".log"))
                .with("quarkus.datasource.jdbc.url", SharedPostgres.jdbcUrl(database))
                .with("quarkus.datasource.reactive.url", SharedPostgres.reactiveUrl(database))
                .with("quarkus.datasource.username", SharedPostgres.username())
                .with("quarkus.datasource.password", SharedPostgres.password())
                .with("kafka.bootstrap.servers", SharedKafka.bootstrapServers())
                .with("quarkus.oidc.auth-server-url", "")
                .with("quarkus.oidc.public-key", TestTokens.publicKeyBase64())
                .with("quarkus.oidc.token.issuer", TestTokens.ISSUER)
                .start();
    }
}
