package org.salescrm.goal.actuals;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.salescrm.platform.inbox.EventInbox;
import org.salescrm.goal.Channels;

/** Feeds crm.customers into the actual facts and which customers are archived, each event at most once. */
@ApplicationScoped
public class CustomerEventsConsumer {

    static final String CONSUMER = "target.customers";

    private final EventInbox inbox;
    private final ActualFacts facts;
    private final ArchivedRecords archived;

    public CustomerEventsConsumer(EventInbox inbox, ActualFacts facts, ArchivedRecords archived) {
        this.inbox = inbox;
        this.facts = facts;
        this.archived = archived;
    }

    @Incoming(Channels.CUSTOMERS)
    public Uni<Void> consume(Message<String> record) {
        return inbox.consume(record, CONSUMER, event -> facts.apply(event).chain(() -> archived.apply(event)));
    }
}
