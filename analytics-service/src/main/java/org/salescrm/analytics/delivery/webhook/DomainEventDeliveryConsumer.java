package org.salescrm.analytics.delivery.webhook;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.salescrm.analytics.delivery.DeliveryChannels;
import org.salescrm.platform.inbox.EventInbox;

/**
 * Reads the domain topics (customers, opportunities, visits, follow-ups) and enqueues a webhook
 * delivery of each event for the subscriptions naming its type, each event once. Its own consumer
 * group: in the service's group it would share these topics' partitions with the state consumers.
 */
@ApplicationScoped
public class DomainEventDeliveryConsumer {

    static final String CONSUMER = "analytics.event-deliveries";

    private final EventInbox inbox;
    private final WebhookDeliveries deliveries;

    public DomainEventDeliveryConsumer(EventInbox inbox, WebhookDeliveries deliveries) {
        this.inbox = inbox;
        this.deliveries = deliveries;
    }

    @Incoming(DeliveryChannels.EVENT_DELIVERIES)
    public Uni<Void> consume(Message<String> record) {
        return inbox.consume(record, CONSUMER, event -> deliveries.enqueue(event, record.getPayload()));
    }
}
