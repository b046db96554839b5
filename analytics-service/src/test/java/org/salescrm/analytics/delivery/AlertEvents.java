package org.salescrm.analytics.delivery;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.EventCodec;
import org.salescrm.events.Topics;
import org.salescrm.events.analytics.AlertChanged;
import org.salescrm.events.analytics.AlertRaised;
import org.salescrm.events.analytics.AlertReason;
import org.salescrm.events.analytics.AlertResolved;

/** Alert events as the alert lifecycle publishes them on crm.alerts (through its outbox). */
public final class AlertEvents implements AutoCloseable {

    public static final Instant NOW = Instant.parse("2026-11-16T02:00:00Z");
    private static final List<AlertReason> IDLE = List.of(new AlertReason("IDLE",
            "no activity for 16 days; NEGOTIATION allows 7", BigDecimal.valueOf(16), BigDecimal.valueOf(7)));

    private final KafkaCompanion kafka = new KafkaCompanion(SharedKafka.bootstrapServers());

    public static AlertRaised raised(String owner, String team, UUID customerId) {
        return new AlertRaised(UUID.randomUUID(), UUID.randomUUID(), 1, owner, team, NOW, "STALLED_OPPORTUNITY",
                UUID.randomUUID(), customerId, "MEDIUM", IDLE, NOW);
    }

    public static AlertChanged escalated(AlertRaised alert) {
        return new AlertChanged(UUID.randomUUID(), alert.aggregateId(), 2, alert.ownerId(), alert.ownerTeam(),
                NOW.plusSeconds(60), alert.alertType(), alert.subjectId(), alert.customerId(), "OPEN", "HIGH",
                alert.reasons(), "ESCALATED", null, "system", null, null);
    }

    public static AlertResolved resolved(AlertRaised alert) {
        return new AlertResolved(UUID.randomUUID(), alert.aggregateId(), 3, alert.ownerId(), alert.ownerTeam(),
                NOW.plusSeconds(120), alert.alertType(), alert.subjectId(), alert.customerId(), NOW.plusSeconds(120),
                "CAUSES_CLEARED", null);
    }

    public static String envelope(DomainEvent event) {
        return EventCodec.write(EventCodec.envelope(event, "/analytics-service", event.occurredAt()));
    }

    public void publish(DomainEvent event) {
        publish(event.partitionKey().toString(), envelope(event));
    }

    /** Publishes as the outbox relay does, headers included. */
    public void publish(String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ALERTS, key, value);
        record.headers().add("content-type",
                "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        kafka.close();
    }
}
