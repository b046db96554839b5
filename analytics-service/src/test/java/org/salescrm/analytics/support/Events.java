package org.salescrm.analytics.support;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.EventCatalog;
import org.salescrm.events.EventCodec;

/** Publishes events as the other services' outbox relays do: CloudEvents JSON, keyed by customer, on their topic. */
public final class Events {

    private static KafkaCompanion kafka;

    private Events() {
    }

    public static synchronized KafkaCompanion kafka() {
        if (kafka == null) {
            kafka = new KafkaCompanion(SharedKafka.bootstrapServers());
        }
        return kafka;
    }

    public static String json(DomainEvent event) {
        return EventCodec.write(EventCodec.envelope(event, "/test", Instant.now()));
    }

    public static void publish(DomainEvent... events) {
        for (DomainEvent event : events) {
            publishOne(event);
        }
    }

    /** Where the broker stored it. */
    public static RecordMetadata publishOne(DomainEvent event) {
        return kafka().produceStrings().fromRecords(record(EventCatalog.typeOf(event.getClass()).topic(),
                event.partitionKey().toString(), json(event))).awaitCompletion(Duration.ofSeconds(10)).getLastRecord();
    }

    /** All of them at once, in this order per topic and key, as fast as the producer sends. */
    public static void publishAll(List<? extends DomainEvent> events) {
        List<ProducerRecord<String, String>> records = events.stream()
                .map(event -> record(EventCatalog.typeOf(event.getClass()).topic(), event.partitionKey().toString(),
                        json(event)))
                .toList();
        kafka().produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
    }

    public static void publishRaw(String topic, String key, String value) {
        kafka().produceStrings().fromRecords(record(topic, key, value)).awaitCompletion(Duration.ofSeconds(10));
    }

    private static ProducerRecord<String, String> record(String topic, String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
