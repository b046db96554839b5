package org.salescrm.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.EventCodec;
import org.salescrm.events.UndecodableEventException;

/**
 * Applies a Kafka record's event at most once per consumer.
 *
 * <p>The effect and the processed-event mark commit together, so a redelivery after a crash
 * either finds the mark (and does nothing) or finds neither (and applies it). A record that is
 * not a valid event, or whose effect keeps failing after {@code crm.inbox.max-attempts}, is
 * nacked: the channel's {@code dead-letter-queue} failure strategy writes it with the reason to
 * the dead-letter topic and the partition moves on.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private final ProcessedEvents processed;
    private final InboxConfig config;
    private final MeterRegistry metrics;

    public EventInbox(ProcessedEvents processed, InboxConfig config, MeterRegistry metrics) {
        this.processed = processed;
        this.config = config;
        this.metrics = metrics;
    }

    public Uni<Void> consume(Message<String> message, String consumer, Function<DomainEvent, Uni<Void>> effect) {
        DomainEvent event;
        try {
            event = EventCodec.data(EventCodec.read(message.getPayload()));
        } catch (UndecodableEventException e) {
            LOG.warnf("%s: dead-lettering an undecodable record: %s", consumer, e.getMessage());
            deadLettered(consumer, "undecodable");
            return Uni.createFrom().completionStage(message.nack(e));
        }
        return Uni.createFrom().deferred(() -> applyOnce(consumer, event, effect))
                .runSubscriptionOn(onCurrentContext())
                .onFailure().retry().withBackOff(config.retryBackoff(), config.retryBackoff().multipliedBy(10))
                .atMost(config.maxAttempts() - 1L)
                .onItemOrFailure().transformToUni((done, failure) -> {
                    if (failure == null) {
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    LOG.errorf(failure, "%s: dead-lettering event %s after %d attempts", consumer, event.eventId(),
                            config.maxAttempts());
                    deadLettered(consumer, "failing");
                    return Uni.createFrom().completionStage(message.nack(
                            new EventApplicationException(event, failure)));
                });
    }

    /**
     * Hibernate Reactive only runs on the record's Vert.x context, but a retry's back-off delay
     * resumes on a worker thread: every attempt is sent back to the context first.
     */
    private static Executor onCurrentContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    private void deadLettered(String consumer, String cause) {
        metrics.counter("crm.inbox.dead.lettered", "consumer", consumer, "cause", cause).increment();
    }

    private Uni<Void> applyOnce(String consumer, DomainEvent event, Function<DomainEvent, Uni<Void>> effect) {
        return Panache.withTransaction(() -> processed.markFirstDelivery(consumer, event.eventId())
                .chain(first -> first ? effect.apply(event) : Uni.createFrom().voidItem()));
    }

    /** Why an event went to the dead-letter topic; its message becomes the record's {@code dead-letter-reason}. */
    public static class EventApplicationException extends RuntimeException {
        public EventApplicationException(DomainEvent event, Throwable cause) {
            super("event " + event.eventId() + " failed: " + cause.getMessage(), cause);
        }
    }
}
