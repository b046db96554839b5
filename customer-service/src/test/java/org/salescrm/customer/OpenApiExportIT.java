package org.salescrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The contract in docs/openapi is the one this build generates: an API change updates it in the same commit. */
class OpenApiExportIT {

    private static final String SERVICE = "customer-service";
    private static final String REFRESH = "docs/openapi/" + SERVICE + ".yaml is stale; refresh it with "
            + "./mvnw -B -ntp -pl " + SERVICE + " -am package -DskipTests && cp " + SERVICE + "/target/openapi/"
            + SERVICE + ".yaml docs/openapi/";

    @Test
    void committedContractIsTheGeneratedOne() throws IOException {
        Path generated = Path.of("target/openapi", SERVICE + ".yaml");
        Path committed = Path.of("..", "docs", "openapi", SERVICE + ".yaml");

        assertThat(generated).as("the build writes the document (quarkus.smallrye-openapi.store-schema-directory)")
                .exists();
        assertThat(committed).as(REFRESH).exists();
        assertThat(Files.readString(committed)).as(REFRESH).isEqualTo(Files.readString(generated));
    }
}
