package org.salescrm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.testsupport.app.PingChannels;

@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(name = KafkaTestResource.TOPICS, value = "test-support.pings"))
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "customer"))
class KafkaMessagingIT {

    @Inject
    PingChannels pings;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void applicationIsGivenTheSharedBroker() {
        assertThat(bootstrapServers).isEqualTo(SharedKafka.bootstrapServers());
    }

    @Test
    void connectorSendsAndReceivesThroughTheBroker() {
        String ping = "ping-" + UUID.randomUUID();

        pings.send(ping);

        await().atMost(Duration.ofSeconds(30)).until(() -> pings.received().contains(ping));
    }

    @Test
    void plainClientsSeeWhatTheyWrite() {
        String topic = "test-support.plain-" + UUID.randomUUID();
        SharedKafka.createTopics(topic);

        KafkaRecords.send(bootstrapServers, topic, "one", "two");

        assertThat(KafkaRecords.readFromStart(bootstrapServers, topic, 2)).containsExactly("one", "two");
    }

    @Test
    void topicsCanBeCreatedWithSeveralPartitions() throws Exception {
        String topic = "test-support.partitioned-" + UUID.randomUUID();

        SharedKafka.createTopics(3, topic);
        SharedKafka.createTopics(3, topic);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertThat(description.partitions()).hasSize(3);
        }
    }
}
