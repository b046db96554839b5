package org.salescrm.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.salescrm.embedded.ServiceProcess;

/**
 * A packaged service starts from the class archive packaged with it (quarkus.package.jar.appcds.enabled, platform's
 * configuration): the JVM maps the archive into its memory. If the archive does not fit the jars or the JVM, the JVM
 * says nothing and loads every class again, which only the start time would show.
 */
class ClassArchiveIT {

    @Test
    void aPackagedServiceMapsTheClassArchivePackagedWithIt() throws Exception {
        assertThat(Path.of("..", "target-service", "target", "quarkus-app", "app-cds.jsa")).isRegularFile();
        try (ServiceProcess service = RunningServices.start("target-service", "target_archive")) {
            String maps = Files.readString(Path.of("/proc", String.valueOf(service.pid()), "maps"));

            assertThat(maps).contains("/target-service/target/quarkus-app/app-cds.jsa");
        }
    }
}
