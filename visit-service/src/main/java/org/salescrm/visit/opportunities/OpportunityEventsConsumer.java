package org.salescrm.visit.opportunities;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.salescrm.platform.inbox.BatchEffect;
import org.salescrm.platform.inbox.EventInbox;
import org.salescrm.visit.Channels;

/** Feeds crm.opportunities into the opportunity replica, each event at most once, a polled batch to a transaction. */
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
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(batch, topic -> CONSUMER, BatchEffect.eachInTurn(replicas::apply));
    }
}
