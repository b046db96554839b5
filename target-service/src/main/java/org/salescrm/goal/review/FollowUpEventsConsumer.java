package org.salescrm.goal.review;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.visit.FollowUpCompleted;
import org.salescrm.goal.Channels;
import org.salescrm.platform.inbox.BatchEffect;
import org.salescrm.platform.inbox.EventInbox;

/**
 * A review action's status follows the follow-up it became: crm.follow-ups, each event at most once, a polled batch
 * to a transaction.
 */
@ApplicationScoped
public class FollowUpEventsConsumer {

    static final String CONSUMER = "target.follow-ups";

    private final EventInbox inbox;
    private final ReviewService reviews;

    public FollowUpEventsConsumer(EventInbox inbox, ReviewService reviews) {
        this.inbox = inbox;
        this.reviews = reviews;
    }

    @Incoming(Channels.FOLLOW_UPS)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(batch, topic -> CONSUMER, BatchEffect.eachInTurn(this::apply));
    }

    private Uni<Void> apply(DomainEvent event) {
        return event instanceof FollowUpCompleted done
                ? reviews.followUpCompleted(done.aggregateId(), done.completedAt() != null ? done.completedAt()
                        : done.occurredAt(), done.result())
                : Uni.createFrom().voidItem();
    }
}
