package org.salescrm.platform.outbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** Builds the relay's producer from the application's {@code kafka.*} settings (bootstrap servers, security). */
@ApplicationScoped
public class KafkaProducerFactory {

    private final Map<String, Object> kafkaDefaults;
    private final OutboxConfig config;

    public KafkaProducerFactory(@Identifier("default-kafka-broker") Map<String, Object> kafkaDefaults, OutboxConfig config) {
        this.kafkaDefaults = kafkaDefaults;
        this.config = config;
    }

    public KafkaProducer<String, String> create() {
        Map<String, Object> props = new HashMap<>();
        kafkaDefaults.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        int timeoutMs = (int) config.sendTimeout().toMillis();
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs + 5);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
