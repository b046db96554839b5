package org.salescrm.bench.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.salescrm.bench.data.Ids;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.EventCodec;
import org.salescrm.events.EventIds;
import org.salescrm.events.Topics;
import org.salescrm.events.customer.OpportunityOpened;
import org.salescrm.events.visit.VisitLogged;

/**
 * A backlog of real events, written straight to the topics while analytics is stopped: nine in ten a visit logged
 * for a loaded customer, one in ten a new opportunity of one. Envelopes and keys as the services' outbox relays
 * write them (the project's own event classes and {@link EventCodec}).
 */
public final class Backlog {

    private final String bootstrapServers;
    private final int customers;

    public Backlog(String bootstrapServers, int customers) {
        this.bootstrapServers = bootstrapServers;
        this.customers = customers;
    }

    /** Produces {@code count} events and answers the seconds it took. */
    public double produce(int count) {
        long began = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < count; i++) {
                boolean visit = i % 10 != 0;
                DomainEvent event = visit ? visit() : opportunity();
                String json = EventCodec.write(EventCodec.envelope(event, visit ? "visit-service" : "customer-service",
                        event.occurredAt()));
                producer.send(new ProducerRecord<>(visit ? Topics.VISITS : Topics.OPPORTUNITIES,
                        event.partitionKey().toString(), json));
            }
            producer.flush();
        }
        return (System.nanoTime() - began) / 1e9;
    }

    private VisitLogged visit() {
        int customer = randomCustomer();
        Instant at = Instant.now().minus(ThreadLocalRandom.current().nextInt(1, 72), ChronoUnit.HOURS);
        return new VisitLogged(EventIds.next(), UUID.randomUUID(), 1, Ids.ownerOf(customer), Ids.TEAM, at,
                Ids.customer(customer), null, "ONSITE", List.of(), "需求调研", true, "POSITIVE", true, false, at, 45,
                null);
    }

    private OpportunityOpened opportunity() {
        int customer = randomCustomer();
        LocalDate today = LocalDate.now();
        return new OpportunityOpened(EventIds.next(), UUID.randomUUID(), 1, Ids.ownerOf(customer), Ids.TEAM,
                Instant.now(), Ids.customer(customer), "压测商机", new BigDecimal("120000.00"), "CNY", "ERP 许可",
                "TARGET", 10, today.plusDays(60), today);
    }

    private int randomCustomer() {
        return 1 + ThreadLocalRandom.current().nextInt(customers);
    }
}
