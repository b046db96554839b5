package org.salescrm.analytics.state;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.salescrm.analytics.Channels;
import org.salescrm.analytics.alerts.AlertTriggers;
import org.salescrm.analytics.archive.ArchivedRecords;
import org.salescrm.analytics.customers.CustomerFacts;
import org.salescrm.analytics.followups.FollowUpFacts;
import org.salescrm.analytics.opportunities.OpportunityFacts;
import org.salescrm.analytics.receivables.ReceivableFacts;
import org.salescrm.analytics.visits.VisitFacts;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.EventCatalog;
import org.salescrm.events.Topics;
import org.salescrm.platform.inbox.EventInbox;

/**
 * Feeds the four customer-keyed topics into analytics' own tables on one channel, in batches, each event at most
 * once. One channel, not one per topic: every event on these topics is keyed by its customer and the topics have
 * equal partition counts, so with the range assignor one consumer holds the same partition of each topic and sees
 * all of one customer's events, one batch after another (module README, "Scaling out").
 */
@ApplicationScoped
public class FactEventsConsumer {

    /**
     * The processed-event marks' consumer per topic: the names of the channels this one replaced, under which a
     * running installation's marks are kept (another name would apply its events again).
     */
    static final Map<String, String> CONSUMERS = Map.of(
            Topics.CUSTOMERS, "analytics.customers",
            Topics.OPPORTUNITIES, "analytics.opportunities",
            Topics.VISITS, "analytics.visits",
            Topics.FOLLOW_UPS, "analytics.follow-ups");

    private final EventInbox inbox;
    private final AlertTriggers triggers;
    private final CustomerFacts customers;
    private final OpportunityFacts opportunities;
    private final ReceivableFacts receivables;
    private final VisitFacts visits;
    private final FollowUpFacts followUps;
    private final ArchivedRecords archived;

    public FactEventsConsumer(EventInbox inbox, AlertTriggers triggers, CustomerFacts customers,
                              OpportunityFacts opportunities, ReceivableFacts receivables, VisitFacts visits,
                              FollowUpFacts followUps, ArchivedRecords archived) {
        this.inbox = inbox;
        this.triggers = triggers;
        this.customers = customers;
        this.opportunities = opportunities;
        this.receivables = receivables;
        this.visits = visits;
        this.followUps = followUps;
        this.archived = archived;
    }

    @Incoming(Channels.FACTS)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(batch, FactEventsConsumer::consumerOf, triggers.after(this::apply));
    }

    static String consumerOf(String topic) {
        String consumer = CONSUMERS.get(topic);
        if (consumer == null) {
            throw new IllegalStateException("the facts channel reads no topic " + topic);
        }
        return consumer;
    }

    /**
     * A round of the batch ({@link Rounds}), each topic's events to its facts, by the topic the catalogue gives the
     * event's type (the topic the outbox relay published it on). Another topic's type, published here by mistake,
     * is not ours.
     */
    private Uni<Void> apply(List<DomainEvent> round) {
        Map<String, List<DomainEvent>> byTopic = round.stream()
                .collect(Collectors.groupingBy(event -> EventCatalog.typeOf(event.getClass()).topic()));
        List<DomainEvent> customerEvents = byTopic.getOrDefault(Topics.CUSTOMERS, List.of());
        List<DomainEvent> opportunityEvents = byTopic.getOrDefault(Topics.OPPORTUNITIES, List.of());
        return customers.apply(customerEvents).chain(() -> archived.apply(customerEvents))
                .chain(() -> opportunities.apply(opportunityEvents))
                // Contracts and payments share the topic (keyed by customer too): their instalments feed receivables.
                .chain(() -> receivables.apply(opportunityEvents))
                .chain(() -> archived.apply(opportunityEvents))
                .chain(() -> visits.apply(byTopic.getOrDefault(Topics.VISITS, List.of())))
                .chain(() -> followUps.apply(byTopic.getOrDefault(Topics.FOLLOW_UPS, List.of())));
    }
}
