package org.salescrm.customer.contact;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.salescrm.platform.inbox.EventInbox;

/** Feeds crm.visits into customers' last contact, each event at most once. */
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
    public Uni<Void> consume(Message<String> record) {
        return inbox.consume(record, CONSUMER, lastContact::apply);
    }
}
