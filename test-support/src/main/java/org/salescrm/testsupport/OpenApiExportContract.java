package org.salescrm.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The contract in docs/openapi is the one the service's build generates, so an API change updates it in
 * the same commit. A service's integration test extends it (after {@code package} has written the document)
 * and names the service.
 */
public abstract class OpenApiExportContract {

    /** The service's module and document name, e.g. {@code customer-service}. */
    protected abstract String service();

    @Test
    void committedContractIsTheGeneratedOne() throws IOException {
        String service = service();
        Path generated = Path.of("target/openapi", service + ".yaml");
        Path committed = Path.of("..", "docs", "openapi", service + ".yaml");
        String refresh = "docs/openapi/" + service + ".yaml is stale; refresh it with ./mvnw -B -ntp -pl " + service
                + " -am package -DskipTests && cp " + service + "/target/openapi/" + service + ".yaml docs/openapi/";

        assertTrue(Files.exists(generated), "the build writes the document (quarkus.smallrye-openapi.store-schema-directory)");
        assertTrue(Files.exists(committed), refresh);
        assertEquals(Files.readString(generated), Files.readString(committed), refresh);
    }
}
