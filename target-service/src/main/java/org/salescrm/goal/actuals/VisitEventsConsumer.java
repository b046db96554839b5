package org.salescrm.goal.actuals;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.salescrm.platform.inbox.EventInbox;
import org.salescrm.goal.Channels;

/** Feeds crm.visits into the actual facts, each event at most once. */
@ApplicationScoped
public class VisitEventsConsumer {

    static final String CONSUMER = "target.visits";

    private final EventInbox inbox;
    private final ActualFacts facts;

    public VisitEventsConsumer(EventInbox inbox, ActualFacts facts) {
        this.inbox = inbox;
        this.facts = facts;
    }

    @Incoming(Channels.VISITS)
    public Uni<Void> consume(Message<String> record) {
        return inbox.consume(record, CONSUMER, facts::apply);
    }
}
