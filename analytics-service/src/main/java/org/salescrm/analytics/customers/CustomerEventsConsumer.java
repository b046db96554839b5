package org.salescrm.analytics.customers;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.salescrm.analytics.Channels;
import org.salescrm.analytics.alerts.AlertTriggers;
import org.salescrm.analytics.archive.ArchivedRecords;
import org.salescrm.platform.inbox.EventInbox;

/** Feeds crm.customers into analytics' own tables, in batches, each event at most once. */
@ApplicationScoped
public class CustomerEventsConsumer {

    static final String CONSUMER = "analytics.customers";

    private final EventInbox inbox;
    private final CustomerFacts facts;
    private final ArchivedRecords archived;
    private final AlertTriggers triggers;

    public CustomerEventsConsumer(EventInbox inbox, CustomerFacts facts, ArchivedRecords archived,
                                  AlertTriggers triggers) {
        this.inbox = inbox;
        this.facts = facts;
        this.archived = archived;
        this.triggers = triggers;
    }

    @Incoming(Channels.CUSTOMERS)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(batch, CONSUMER, triggers.after(round -> facts.apply(round)
                .chain(() -> archived.apply(round))));
    }
}
