package org.salescrm.visit.customers;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.salescrm.platform.inbox.BatchEffect;
import org.salescrm.platform.inbox.EventInbox;
import org.salescrm.visit.Channels;

/** Feeds crm.customers into the owner replica, each event at most once, a polled batch to a transaction. */
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
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(batch, topic -> CONSUMER, BatchEffect.eachInTurn(replicas::apply));
    }
}
