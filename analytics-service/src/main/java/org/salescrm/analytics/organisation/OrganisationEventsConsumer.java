package org.salescrm.analytics.organisation;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.salescrm.analytics.Channels;
import org.salescrm.analytics.Sql;
import org.salescrm.platform.inbox.EventInbox;

/** Feeds crm.organisation into the replica, in batches, each event at most once. */
@ApplicationScoped
public class OrganisationEventsConsumer {

    static final String CONSUMER = "analytics.organisation";

    private final EventInbox inbox;
    private final OrganisationReplica replica;

    public OrganisationEventsConsumer(EventInbox inbox, OrganisationReplica replica) {
        this.inbox = inbox;
        this.replica = replica;
    }

    @Incoming(Channels.ORGANISATION)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(batch, topic -> CONSUMER, events -> Sql.each(events, replica::apply));
    }
}
