package org.salescrm.customer;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.EventCodec;
import org.salescrm.events.Topics;
import org.salescrm.events.visit.VisitCorrected;
import org.salescrm.events.visit.VisitLogged;

/** Visit events as visit-service publishes them on crm.visits, written to the real broker. */
public final class VisitTraffic {

    private VisitTraffic() {
    }

    public static VisitLogged visit(String customerId, String ownerId, Instant occurredAt, boolean effective) {
        return new VisitLogged(UUID.randomUUID(), UUID.randomUUID(), 0, ownerId, "east", occurredAt,
                UUID.fromString(customerId), null, "ONSITE", List.of(), "介绍方案", effective, "POSITIVE", effective,
                false, occurredAt.plusSeconds(600), 45, null);
    }

    public static VisitCorrected correction(VisitLogged visit, boolean effective) {
        return new VisitCorrected(UUID.randomUUID(), visit.aggregateId(), visit.aggregateVersion() + 1,
                visit.ownerId(), visit.ownerTeam(), Instant.now(), visit.customerId(), visit.occurredAt(),
                List.of("purposeAchieved"), "POSITIVE", effective, effective, visit.ownerId());
    }

    public static String envelope(DomainEvent event) {
        return EventCodec.write(EventCodec.envelope(event, "/visit-service", Instant.now()));
    }

    public static void publish(String key, String json) {
        try (KafkaCompanion kafka = new KafkaCompanion(SharedKafka.bootstrapServers())) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.VISITS, key, json))
                    .awaitCompletion(Duration.ofSeconds(20));
        }
    }

    public static void publish(DomainEvent event) {
        publish(event.partitionKey().toString(), envelope(event));
    }
}
