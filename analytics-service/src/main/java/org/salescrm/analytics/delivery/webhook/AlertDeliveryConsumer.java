package org.salescrm.analytics.delivery.webhook;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.salescrm.analytics.delivery.DeliveryChannels;
import org.salescrm.platform.inbox.BatchEffect;
import org.salescrm.platform.inbox.EventInbox;

/**
 * Reads crm.alerts in the service's consumer group, in batches, and enqueues webhook deliveries, each event once;
 * once they have committed it wakes the dispatcher, so a webhook goes out now rather than at its next poll.
 */
@ApplicationScoped
public class AlertDeliveryConsumer {

    static final String CONSUMER = "analytics.alert-deliveries";

    private final EventInbox inbox;
    private final WebhookDeliveries deliveries;
    private final WebhookDispatcher dispatcher;

    public AlertDeliveryConsumer(EventInbox inbox, WebhookDeliveries deliveries, WebhookDispatcher dispatcher) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
    }

    @Incoming(DeliveryChannels.ALERT_DELIVERIES)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        AtomicBoolean stored = new AtomicBoolean();
        return inbox.consumeBatch(batch, topic -> CONSUMER, BatchEffect.eachInTurn(event -> deliveries.enqueue(event)
                        .invoke(count -> {
                            if (count > 0) {
                                stored.set(true);
                            }
                        }).replaceWithVoid()))
                // the inbox's transaction has committed: the rows are there for the dispatcher to claim
                .invoke(() -> {
                    if (stored.get()) {
                        dispatcher.wake();
                    }
                });
    }
}
