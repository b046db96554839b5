package org.salescrm.visit.opportunities;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.salescrm.platform.inbox.EventInbox;
import org.salescrm.visit.Channels;

/** Feeds crm.opportunities into the opportunity replica, each event at most once. */
@ApplicationScoped
public class OpportunityEventsConsumer {

    static final String CONSUMER = "visit.opportunities";

    private final EventInbox inbox;
    private final OpportunityReplicas replicas;

    public OpportunityEventsConsumer(EventInbox inbox, OpportunityReplicas replicas) {
        this.inbox = inbox;
        this.replicas = replicas;
    }

    @Incoming(Channels.OPPORTUNITIES)
    public Uni<Void> consume(Message<String> record) {
        return inbox.consume(record, CONSUMER, replicas::apply);
    }
}
