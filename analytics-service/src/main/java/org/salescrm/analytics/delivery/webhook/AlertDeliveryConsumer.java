package org.salescrm.analytics.delivery.webhook;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.salescrm.analytics.delivery.DeliveryChannels;
import org.salescrm.platform.inbox.EventInbox;

/** Reads crm.alerts in the service's consumer group and enqueues webhook deliveries, each event once. */
@ApplicationScoped
public class AlertDeliveryConsumer {

    static final String CONSUMER = "analytics.alert-deliveries";

    private final EventInbox inbox;
    private final WebhookDeliveries deliveries;

    public AlertDeliveryConsumer(EventInbox inbox, WebhookDeliveries deliveries) {
        this.inbox = inbox;
        this.deliveries = deliveries;
    }

    @Incoming(DeliveryChannels.ALERT_DELIVERIES)
    public Uni<Void> consume(Message<String> record) {
        return inbox.consume(record, CONSUMER, deliveries::enqueue);
    }
}
