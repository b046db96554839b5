package org.salescrm.visit.customers;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.salescrm.platform.inbox.EventInbox;
import org.salescrm.visit.Channels;

/** Feeds crm.customers into the owner replica, each event at most once. */
@ApplicationScoped
public class CustomerEventsConsumer {

    static final String CONSUMER = "visit.customers";

    private final EventInbox inbox;
    private final CustomerReplicas replicas;

    public CustomerEventsConsumer(EventInbox inbox, CustomerReplicas replicas) {
        this.inbox = inbox;
        this.replicas = replicas;
    }

    @Incoming(Channels.CUSTOMERS)
    public Uni<Void> consume(Message<String> record) {
        return inbox.consume(record, CONSUMER, replicas::apply);
    }
}
