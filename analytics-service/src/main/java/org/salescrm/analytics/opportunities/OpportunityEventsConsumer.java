package org.salescrm.analytics.opportunities;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.salescrm.analytics.Channels;
import org.salescrm.analytics.alerts.AlertTriggers;
import org.salescrm.analytics.archive.ArchivedRecords;
import org.salescrm.analytics.receivables.ReceivableFacts;
import org.salescrm.platform.inbox.EventInbox;

/** Feeds crm.opportunities (deals, contracts and payments) into analytics' own tables, in batches, each event at most once. */
@ApplicationScoped
public class OpportunityEventsConsumer {

    static final String CONSUMER = "analytics.opportunities";

    private final EventInbox inbox;
    private final OpportunityFacts facts;
    private final ReceivableFacts receivables;
    private final ArchivedRecords archived;
    private final AlertTriggers triggers;

    public OpportunityEventsConsumer(EventInbox inbox, OpportunityFacts facts, ReceivableFacts receivables,
                                     ArchivedRecords archived, AlertTriggers triggers) {
        this.inbox = inbox;
        this.facts = facts;
        this.receivables = receivables;
        this.archived = archived;
        this.triggers = triggers;
    }

    @Incoming(Channels.OPPORTUNITIES)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        // Contracts and payments share the topic (keyed by customer too): their instalments feed receivables.
        return inbox.consumeBatch(batch, CONSUMER, triggers.after(round -> facts.apply(round)
                .chain(() -> receivables.apply(round)).chain(() -> archived.apply(round))));
    }
}
