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
 * Feeds crm.customers into the actual facts, the customers' owners and which customers are archived, each event
 * at most once, a polled batch to a transaction.
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    static final String CONSUMER = "target.customers";

    private final EventInbox inbox;
    private final ActualFacts facts;
    private final CustomerOwners owners;
    private final ArchivedRecords archived;

    public CustomerEventsConsumer(EventInbox inbox, ActualFacts facts, CustomerOwners owners, ArchivedRecords archived) {
        this.inbox = inbox;
        this.facts = facts;
        this.owners = owners;
        this.archived = archived;
    }

    @Incoming(Channels.CUSTOMERS)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(batch, topic -> CONSUMER, this::apply);
    }

    /** Ends as applying the events one by one in their order would: each of the three writes only its own rows. */
    private Uni<Void> apply(List<DomainEvent> events) {
        return facts.applyAll(events).chain(() -> owners.remember(events))
                .chain(() -> BatchEffect.eachInTurn(archived::apply).apply(events));
    }
}
