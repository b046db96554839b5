package org.salescrm.analytics.customers;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.salescrm.analytics.Channels;
import org.salescrm.platform.inbox.EventInbox;

/** Feeds crm.customers into analytics' own tables, each event at most once. */
@ApplicationScoped
public class CustomerEventsConsumer {

    static final String CONSUMER = "analytics.customers";

    private final EventInbox inbox;
    private final CustomerFacts facts;

    public CustomerEventsConsumer(EventInbox inbox, CustomerFacts facts) {
        this.inbox = inbox;
        this.facts = facts;
    }

    @Incoming(Channels.CUSTOMERS)
    public Uni<Void> consume(Message<String> record) {
        return inbox.consume(record, CONSUMER, facts::apply);
    }
}
