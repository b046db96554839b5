package org.salescrm.customer.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salescrm.customer.customer.CustomerApiIT.REP_EAST_1;
import static org.salescrm.customer.customer.CustomerApiIT.as;
import static org.salescrm.customer.customer.CustomerApiIT.uniqueName;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.events.Topics;

/**
 * A committed write's event is on Kafka well within a second, because the outbox relay wakes on the
 * write instead of waiting for its poll: here the poll runs once an hour, so only the wake-up can
 * deliver in time.
 */
@QuarkusTest
@TestProfile(EventLatencyIT.PollOnceAnHour.class)
class EventLatencyIT {

    private static final int WRITES = 40;

    public static class PollOnceAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crm.outbox.poll-interval", "1h");
        }
    }

    static KafkaCompanion kafka;
    static ConsumerTask<String, String> published;

    @BeforeAll
    static void connect() {
        kafka = new KafkaCompanion(SharedKafka.bootstrapServers());
        published = kafka.consumeStrings().fromTopics(Topics.CUSTOMERS);
    }

    @AfterAll
    static void disconnect() {
        published.close();
        kafka.close();
    }

    @Test
    void aCreatedCustomersEventIsPublishedWithinASecondOfTheAnswer() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
            String id = as(REP_EAST_1).body(Map.of("name", uniqueName("嘉兴南湖电子"), "grade", "B"))
                    .post("/api/v1/customers").then().statusCode(201).extract().path("id");
            long answered = System.nanoTime();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(2))
                    .until(() -> published.getRecords().stream().anyMatch(r -> id.equals(r.key())));
            millis.add((System.nanoTime() - answered) / 1_000_000);
        }

        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("answer-to-Kafka over %d creates: p50 %d ms, p99 %d ms, max %d ms%n", WRITES,
                sorted.get(WRITES / 2), sorted.get((int) Math.ceil(WRITES * 0.99) - 1), sorted.get(WRITES - 1));
        assertThat(sorted.get(WRITES - 1)).as("slowest answer-to-Kafka, ms").isLessThan(1000);
    }
}
