package org.salescrm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescrm.embedded.FreePorts;
import org.salescrm.embedded.KafkaBroker;

/** The broker as the local stack uses it: a fixed port and a data directory of its own. */
class KafkaBrokerIT {

    @TempDir
    Path data;

    @Test
    void restartOnAFixedPortAndDirectoryKeepsRecords() {
        int port = FreePorts.pick();
        try (KafkaBroker broker = KafkaBroker.builder().port(port).dataDirectory(data).build()) {
            broker.start();
            broker.createTopics("launcher.notes");
            broker.createTopics("launcher.notes");
            KafkaRecords.send(broker.bootstrapServers(), "launcher.notes", "first");

            broker.stop();
            broker.start();

            assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + port);
            assertThat(KafkaRecords.readFromStart(broker.bootstrapServers(), "launcher.notes", 1)).containsExactly("first");
        }
        assertThat(Files.exists(data.resolve("meta.properties"))).as("a given data directory is kept").isTrue();
    }

    @Test
    void closeDeletesTheTemporaryDataDirectory() {
        KafkaBroker broker = KafkaBroker.onFreePort().start();
        Path temporary = broker.dataDirectory();

        broker.close();

        assertThat(Files.exists(temporary)).isFalse();
    }
}
