package org.salescrm.goal.actuals;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.salescrm.events.EventCodec;
import org.salescrm.events.UndecodableEventException;
import org.salescrm.events.customer.OpportunityLost;
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
        return inbox.consume(record, CONSUMER, event -> facts.apply(event).chain(() -> replicas.apply(event,
                event instanceof OpportunityLost ? competitorIn(record.getPayload()) : null))
                .chain(() -> archived.apply(event)));
    }

    /**
     * Who a lost deal went to, read leniently from the envelope's data: a {@code competitor} given
     * as text or as an object with a {@code name}, by whichever producer version wrote it; absent,
     * blank or of another shape, none.
     */
    static String competitorIn(String payload) {
        try {
            JsonNode competitor = EventCodec.read(payload).data().path("competitor");
            JsonNode name = competitor.isObject() ? competitor.path("name") : competitor;
            return name.isTextual() && !name.asText().isBlank() ? name.asText().strip() : null;
        } catch (UndecodableEventException e) {
            return null;
        }
    }
}
