package org.salescrm.bench.ingest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.salescrm.events.Topics;

/** How far a consumer group is behind on analytics' topics, from the broker (Kafka's admin client). */
public final class ConsumerLag implements AutoCloseable {

    /** What analytics-service consumes for its facts (application.properties). */
    public static final List<String> ANALYTICS_TOPICS =
            List.of(Topics.CUSTOMERS, Topics.OPPORTUNITIES, Topics.VISITS, Topics.FOLLOW_UPS);

    private final Admin admin;
    private final String group;

    public ConsumerLag(String bootstrapServers, String group) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.group = group;
    }

    /** End offsets minus committed offsets, summed; a partition without a commit counts from its start. */
    public long lag() {
        try {
            Set<TopicPartition> partitions = partitions();
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return endOffsets(partitions).entrySet().stream().mapToLong(end -> end.getValue()
                    - (committed.get(end.getKey()) == null ? 0 : committed.get(end.getKey()).offset())).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the lag of " + group, e);
        }
    }

    /** Records in one topic, for the consumer perf tool's --messages. */
    public long records(String topic) {
        try {
            return endOffsets(partitions()).entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                    .mapToLong(Map.Entry::getValue).sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<TopicPartition> partitions() throws Exception {
        Map<String, TopicDescription> topics = admin.describeTopics(ANALYTICS_TOPICS).allTopicNames().get(30, TimeUnit.SECONDS);
        return topics.values().stream().flatMap(t -> t.partitions().stream()
                .map(p -> new TopicPartition(t.name(), p.partition()))).collect(Collectors.toSet());
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(30, TimeUnit.SECONDS);
        return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void close() {
        admin.close();
    }
}
