package org.salescrm.analytics.delivery.webhook;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.salescrm.analytics.delivery.DeliveryChannels;
import org.salescrm.platform.inbox.EventInbox;

/**
 * Reads the domain topics (customers, opportunities, visits, follow-ups) and enqueues a webhook
 * delivery of each event for the subscriptions naming its type, each event once. Its own consumer
 * group: in the service's group it would share these topics' partitions with the state consumers.
 * Like the alert consumer, it wakes the dispatcher once what it stored has committed.
 */
@ApplicationScoped
public class DomainEventDeliveryConsumer {

    static final String CONSUMER = "analytics.event-deliveries";

    private final EventInbox inbox;
    private final WebhookDeliveries deliveries;
    private final WebhookDispatcher dispatcher;

    public DomainEventDeliveryConsumer(EventInbox inbox, WebhookDeliveries deliveries, WebhookDispatcher dispatcher) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
    }

    @Incoming(DeliveryChannels.EVENT_DELIVERIES)
    public Uni<Void> consume(Message<String> record) {
        AtomicBoolean stored = new AtomicBoolean();
        return inbox.consume(record, CONSUMER, event -> deliveries.enqueue(event, record.getPayload())
                        .invoke(count -> stored.set(count > 0)).replaceWithVoid())
                // the inbox's transaction has committed: the rows are there for the dispatcher to claim
                .invoke(() -> {
                    if (stored.get()) {
                        dispatcher.wake();
                    }
                });
    }
}
