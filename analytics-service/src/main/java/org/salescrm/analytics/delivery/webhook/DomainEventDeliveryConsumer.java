package org.salescrm.analytics.delivery.webhook;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.salescrm.analytics.delivery.DeliveryChannels;
import org.salescrm.events.EventCatalog;
import org.salescrm.events.EventCodec;
import org.salescrm.events.EventType;
import org.salescrm.events.Topics;
import org.salescrm.events.UndecodableEventException;
import org.salescrm.platform.inbox.EventInbox;

/**
 * Reads the domain topics (customers, opportunities, visits, follow-ups) in batches and enqueues a
 * webhook delivery of each event for the subscriptions naming its type, each event once. Its own consumer
 * group: in the service's group it would share these topics' partitions with the state consumers.
 * Like the alert consumer, it wakes the dispatcher once what it stored has committed. While no subscription names a
 * type of these topics, a batch is acknowledged unread: there is nothing to enqueue, and decoding and marking every
 * event the state consumer already handles would double analytics' ingest work for nothing.
 */
@ApplicationScoped
public class DomainEventDeliveryConsumer {

    static final String CONSUMER = "analytics.event-deliveries";

    /** The channel's topics, as application.properties lists them. */
    static final List<String> TOPICS =
            List.of(Topics.CUSTOMERS, Topics.OPPORTUNITIES, Topics.VISITS, Topics.FOLLOW_UPS);
    /** The types published on them. */
    static final List<String> DOMAIN_TYPES = EventCatalog.ALL.stream()
            .filter(type -> TOPICS.contains(type.topic())).map(EventType::name).toList();

    private final EventInbox inbox;
    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final WebhookDispatcher dispatcher;

    public DomainEventDeliveryConsumer(EventInbox inbox, WebhookSubscriptions subscriptions,
                                       WebhookDeliveries deliveries, WebhookDispatcher dispatcher) {
        this.inbox = inbox;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
    }

    @Incoming(DeliveryChannels.EVENT_DELIVERIES)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return subscriptions.anyNaming(DOMAIN_TYPES)
                // unsure (the database away): the inbox's path, which waits for it, rather than a batch passed over
                .onFailure().recoverWithItem(true)
                .chain(named -> named ? enqueue(batch) : Uni.createFrom().completionStage(batch::ack));
    }

    private Uni<Void> enqueue(KafkaRecordBatch<String, String> batch) {
        Map<UUID, String> published = byEventId(batch);
        AtomicBoolean stored = new AtomicBoolean();
        return inbox.consumeBatch(batch, topic -> CONSUMER, events -> deliveries.enqueue(events, published)
                        .invoke(count -> stored.set(count > 0)).replaceWithVoid())
                // the inbox's transaction has committed: the rows are there for the dispatcher to claim
                .invoke(() -> {
                    if (stored.get()) {
                        dispatcher.wake();
                    }
                });
    }

    /** Each record as published, by its event id; the inbox dead-letters what does not decode. */
    private static Map<UUID, String> byEventId(KafkaRecordBatch<String, String> batch) {
        Map<UUID, String> published = new HashMap<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                published.put(UUID.fromString(EventCodec.read(record.getPayload()).id()), record.getPayload());
            } catch (UndecodableEventException | IllegalArgumentException e) {
                // not an event: nothing to deliver
            }
        }
        return published;
    }
}
