package org.salescrm.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Arrays;
import java.util.Map;
import org.salescrm.embedded.SharedKafka;

/**
 * Points the application at this JVM's shared Kafka broker ({@link SharedKafka}).
 * <p>
 * {@code @QuarkusTestResource(KafkaTestResource.class)}; the optional init arg {@code topics} (comma-separated)
 * creates topics before the application starts, so its consumers find them at once, with {@code partitions} (default:
 * the broker's, 1) partitions each. Every test class and every
 * Quarkus application in the JVM gets the same broker; it is stopped when the JVM exits, not when a test resource
 * stops.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String TOPICS = "topics";
    public static final String PARTITIONS = "partitions";

    private String[] topics = new String[0];
    private Integer partitions;

    @Override
    public void init(Map<String, String> initArgs) {
        topics = Arrays.stream(initArgs.getOrDefault(TOPICS, "").split(","))
                .map(String::trim)
                .filter(topic -> !topic.isEmpty())
                .toArray(String[]::new);
        partitions = initArgs.containsKey(PARTITIONS) ? Integer.valueOf(initArgs.get(PARTITIONS)) : null;
    }

    @Override
    public Map<String, String> start() {
        // A previous test class may have stopped the broker and failed before starting it again.
        SharedKafka.start();
        if (partitions == null) {
            SharedKafka.createTopics(topics);
        } else {
            SharedKafka.createTopics(partitions, topics);
        }
        return Map.of("kafka.bootstrap.servers", SharedKafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared with the test classes still to come; it closes itself when the JVM exits.
    }
}
