package org.salescrm.visit.reviews;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.target.ReviewActionAssigned;
import org.salescrm.platform.inbox.BatchEffect;
import org.salescrm.platform.inbox.EventInbox;
import org.salescrm.visit.Channels;
import org.salescrm.visit.customers.CustomerReplicaRepository;
import org.salescrm.visit.followup.FollowUpService;

/**
 * Turns the review actions target-service assigns as follow-ups (crm.goals) into follow-ups, each
 * event at most once (the inbox, a polled batch to a transaction) and each action once (the follow-up takes the
 * action's id). Other goal events are not this service's business.
 */
@ApplicationScoped
public class ReviewActionsConsumer {

    static final String CONSUMER = "visit.goals";

    private final EventInbox inbox;
    private final FollowUpService followUps;
    private final CustomerReplicaRepository customers;

    public ReviewActionsConsumer(EventInbox inbox, FollowUpService followUps, CustomerReplicaRepository customers) {
        this.inbox = inbox;
        this.followUps = followUps;
        this.customers = customers;
    }

    @Incoming(Channels.GOALS)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(batch, topic -> CONSUMER, BatchEffect.eachInTurn(this::apply));
    }

    private Uni<Void> apply(DomainEvent event) {
        if (!(event instanceof ReviewActionAssigned assigned) || assigned.customerId() == null
                || assigned.dueOn() == null || assigned.action() == null) {
            return Uni.createFrom().voidItem();
        }
        return customers.findById(assigned.customerId())
                .chain(customer -> followUps.fromReviewAction(assigned, customer));
    }
}
