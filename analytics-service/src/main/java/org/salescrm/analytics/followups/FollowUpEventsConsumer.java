package org.salescrm.analytics.followups;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.salescrm.analytics.Channels;
import org.salescrm.analytics.alerts.AlertTriggers;
import org.salescrm.platform.inbox.EventInbox;

/** Feeds crm.follow-ups into analytics' own tables, in batches, each event at most once. */
@ApplicationScoped
public class FollowUpEventsConsumer {

    static final String CONSUMER = "analytics.follow-ups";

    private final EventInbox inbox;
    private final FollowUpFacts facts;
    private final AlertTriggers triggers;

    public FollowUpEventsConsumer(EventInbox inbox, FollowUpFacts facts, AlertTriggers triggers) {
        this.inbox = inbox;
        this.facts = facts;
        this.triggers = triggers;
    }

    @Incoming(Channels.FOLLOW_UPS)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(batch, CONSUMER, triggers.after(facts::apply));
    }
}
