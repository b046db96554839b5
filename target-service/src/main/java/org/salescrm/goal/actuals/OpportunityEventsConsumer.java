package org.salescrm.goal.actuals;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.salescrm.events.DomainEvent;
import org.salescrm.goal.Channels;
import org.salescrm.platform.inbox.BatchEffect;
import org.salescrm.platform.inbox.EventInbox;

/**
 * Feeds crm.opportunities into the actual facts, the opportunity replica and which deals are archived, each
 * event at most once, a polled batch to a transaction.
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
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(batch, topic -> CONSUMER, this::apply);
    }

    /**
     * Ends as applying the events one by one in their order would: the facts (the reps' teams with two statements
     * for the batch) read and write none of the rows of the replica and the archive.
     */
    private Uni<Void> apply(List<DomainEvent> events) {
        return facts.applyAll(events).chain(() -> BatchEffect.eachInTurn(
                event -> replicas.apply(event).chain(() -> archived.apply(event))).apply(events));
    }
}
