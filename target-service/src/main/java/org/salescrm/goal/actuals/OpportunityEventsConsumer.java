package org.salescrm.goal.actuals;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.salescrm.platform.inbox.EventInbox;
import org.salescrm.goal.Channels;

/**
 * Feeds crm.opportunities into the actual facts, the opportunity replica and which deals are archived, each
 * event at most once.
 */
@ApplicationScoped
public class OpportunityEventsConsumer {

    static final String CONSUMER = "target.opportunities";

    private final EventInbox inbox;
    private final ActualFacts facts;
    private final OpportunityReplicas replicas;
    private final ArchivedRecords archived;

    public OpportunityEventsConsumer(EventInbox inbox, ActualFacts facts, OpportunityReplicas replicas,
                                     ArchivedRecords archived) {
        this.inbox = inbox;
        this.facts = facts;
        this.replicas = replicas;
        this.archived = archived;
    }

    @Incoming(Channels.OPPORTUNITIES)
    public Uni<Void> consume(Message<String> record) {
        return inbox.consume(record, CONSUMER, event -> facts.apply(event).chain(() -> replicas.apply(event))
                .chain(() -> archived.apply(event)));
    }
}

