package org.salescrm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.testsupport.app.PingChannels;

/** A test method takes the shared broker down and brings it back, as an outbox test will. */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(name = KafkaTestResource.TOPICS, value = "test-support.pings"))
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "customer"))
class SharedKafkaRestartIT {

    @Inject
    PingChannels pings;

    @AfterEach
    void brokerIsBackForTheNextTest() {
        SharedKafka.start();
    }

    @Test
    void recordsSurviveARestartAndNewSendsWorkOnTheSameAddress() {
        String bootstrap = SharedKafka.bootstrapServers();
        String topic = "test-support.restart-" + UUID.randomUUID();
        SharedKafka.createTopics(topic);
        KafkaRecords.send(bootstrap, topic, "before-1", "before-2");

        SharedKafka.stop();
        assertThat(SharedKafka.isRunning()).isFalse();
        assertThatThrownBy(() -> connect(bootstrap)).as("nothing listens while stopped").isInstanceOf(IOException.class);

        SharedKafka.start();
        assertThat(SharedKafka.bootstrapServers()).isEqualTo(bootstrap);
        KafkaRecords.send(bootstrap, topic, "after");
        assertThat(KafkaRecords.readFromStart(bootstrap, topic, 3)).containsExactly("before-1", "before-2", "after");
    }

    @Test
    void pingSentWhileTheBrokerIsDownArrivesAfterItIsBack() {
        pings.send("warm-up");
        await().atMost(Duration.ofSeconds(30)).until(() -> pings.received().contains("warm-up"));

        SharedKafka.stop();
        String ping = "while-down-" + UUID.randomUUID();
        pings.send(ping);
        SharedKafka.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> pings.received().contains(ping));
    }

    private static void connect(String bootstrap) throws IOException {
        String[] hostAndPort = bootstrap.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostAndPort[0], Integer.parseInt(hostAndPort[1])), 1000);
        }
    }
}
