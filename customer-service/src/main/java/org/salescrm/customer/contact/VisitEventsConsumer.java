package org.salescrm.customer.contact;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.salescrm.platform.inbox.EventInbox;

/**
 * Feeds crm.visits into customers' last contact, each event at most once, a polled batch to a transaction and one
 * update: visits are the most frequent event, and a transaction, a mark or an update each would cost more than the
 * change itself.
 */
@ApplicationScoped
public class VisitEventsConsumer {

    /** The incoming channel, configured in application.properties. */
    public static final String CHANNEL = "visits";
    static final String CONSUMER = "customer.visits";

    private final EventInbox inbox;
    private final LastContact lastContact;

    public VisitEventsConsumer(EventInbox inbox, LastContact lastContact) {
        this.inbox = inbox;
        this.lastContact = lastContact;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(batch, topic -> CONSUMER, lastContact::apply);
    }
}
