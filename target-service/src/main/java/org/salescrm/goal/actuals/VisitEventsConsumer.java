package org.salescrm.goal.actuals;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.salescrm.goal.Channels;
import org.salescrm.platform.inbox.EventInbox;

/**
 * Feeds crm.visits into the actual facts, each event at most once, a polled batch to a transaction and its facts to
 * one statement: visits are the most frequent event, and a transaction, a mark and statements each would cost more
 * than the fact itself.
 */
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
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(batch, topic -> CONSUMER, facts::applyAll);
    }
}
