package org.salescrm.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.EventCodec;
import org.salescrm.events.UndecodableEventException;
import org.salescrm.platform.database.DatabaseFailures;
import org.salescrm.platform.database.Uncancellable;
import org.salescrm.platform.outbox.OutboxRelay;

/**
 * Applies the events of a polled batch of Kafka records at most once per consumer: every consumer reads its
 * channel in batches ({@code batch=true}), so a batch costs one transaction and one marking statement, not one
 * of each per event.
 *
 * <p>The effect and the processed-event marks commit together, so a redelivery after a crash
 * either finds the marks (and does nothing) or finds none (and applies the events). While the database
 * is away the batch waits, retried without end: an outage must not cost events. A record that is
 * not a valid event, or whose effect keeps failing after {@code crm.inbox.max-attempts} (applied on its own once
 * its batch failed), is nacked: the channel's {@code dead-letter-queue} failure strategy writes it with the reason
 * to the dead-letter topic, and the rest of its batch still applies.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    private static final Duration OUTAGE_BACKOFF = Duration.ofSeconds(1);
    private static final Duration OUTAGE_MAX_BACKOFF = Duration.ofSeconds(30);
    /** A deadlock is the timing's fault, not the batch's: a few runs settle it before it counts as failing. */
    private static final long DEADLOCK_RETRIES = 5;

    private final ProcessedEvents processed;
    private final InboxConfig config;
    private final MeterRegistry metrics;
    private final OutboxRelay relay;

    public EventInbox(ProcessedEvents processed, InboxConfig config, MeterRegistry metrics, OutboxRelay relay) {
        this.processed = processed;
        this.config = config;
        this.metrics = metrics;
        this.relay = relay;
    }

    /**
     * Applies a polled batch in one transaction: each event at most once (the processed-event marks of
     * the whole batch are written with one statement), {@link BatchEffect#apply} once with the events no
     * earlier delivery applied. A channel may read several
     * topics: each record is marked under the consumer name {@code consumerOfTopic} gives its topic, so
     * every topic keeps the marks it had when it had a channel of its own. While the database is away
     * the batch waits. A batch PostgreSQL rolled back to break a deadlock (two
     * instances' batches adding to the same shared counter rows in different orders) runs again. Any
     * other failure rolls the whole batch back and its records are applied one by one, each in its own
     * transaction, so that only a poison record is dead-lettered and the rest still apply. The failed
     * batch attempt counts as every record's first attempt, so a record that keeps failing is tried
     * {@code crm.inbox.max-attempts} times in all.
     */
    public Uni<Void> consumeBatch(KafkaRecordBatch<String, String> batch, Function<String, String> consumerOfTopic,
                                  BatchEffect effect) {
        Executor context = onCurrentContext();
        List<Decoded> decoded = new ArrayList<>();
        List<Uni<Void>> deadLetters = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            String consumer = consumerOfTopic.apply(record.getTopic());
            try {
                decoded.add(new Decoded(record, consumer, EventCodec.data(EventCodec.read(record.getPayload()))));
            } catch (UndecodableEventException e) {
                LOG.warnf("%s: dead-lettering an undecodable record: %s", consumer, e.getMessage());
                deadLetters.add(deadLetter(record, consumer, "undecodable", e));
            }
        }
        Uni<Void> applied = decoded.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.createFrom().deferred(() -> applyBatchOnce(decoded, effect))
                        .runSubscriptionOn(context)
                        .onFailure(DatabaseFailures::isUnavailable).retry()
                        .withBackOff(OUTAGE_BACKOFF, OUTAGE_MAX_BACKOFF).indefinitely()
                        .onFailure(DatabaseFailures::isDeadlock).retry()
                        .withBackOff(config.retryBackoff(), config.retryBackoff().multipliedBy(10))
                        .atMost(DEADLOCK_RETRIES)
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf("%s: a batch of %d failed (%s); applying its records one by one",
                                    consumers(decoded), decoded.size(), failure.getMessage());
                            return oneByOne(decoded, effect, context);
                        });
        return Multi.createFrom().iterable(deadLetters).onItem().transformToUniAndConcatenate(u -> u)
                .collect().last().replaceWithVoid()
                .chain(() -> applied)
                .invoke(relay::wake) // what the batch published has committed
                .chain(() -> Uni.createFrom().completionStage(batch::ack));
    }

    /**
     * One statement marks the whole batch; the effect gets the events no earlier delivery applied, once each.
     * Never cancelled, for the reason {@link #applyOnce} gives.
     */
    private Uni<Void> applyBatchOnce(List<Decoded> batch, BatchEffect effect) {
        Map<UUID, String> consumers = new LinkedHashMap<>();
        batch.forEach(d -> consumers.put(d.event.eventId(), d.consumer));
        return Uncancellable.of(Panache.withTransaction(() -> processed.markFirstDeliveries(consumers)
                .chain(first -> {
                    List<DomainEvent> fresh = new ArrayList<>();
                    for (Decoded d : batch) {
                        if (first.remove(d.event.eventId())) { // removed: a repeat within the batch is not fresh
                            fresh.add(d.event);
                        }
                    }
                    return fresh.isEmpty() ? Uni.createFrom().voidItem() : effect.apply(fresh);
                })));
    }

    /**
     * Each record on the batch's context, taken when the batch came: a record's turn comes when the one before it
     * is done, which for a dead-lettered one is on the dead-letter producer's thread, where Hibernate Reactive
     * cannot run (the record after a dead-lettered one failed every attempt there and was dead-lettered too).
     */
    private Uni<Void> oneByOne(List<Decoded> batch, BatchEffect effect, Executor context) {
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(d -> applyAlone(d, effect, context))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> applyAlone(Decoded d, BatchEffect effect, Executor context) {
        Function<DomainEvent, Uni<Void>> alone = event -> effect.apply(List.of(event));
        return Uni.createFrom().deferred(() -> applyOnce(d.consumer, d.event, alone))
                .runSubscriptionOn(context)
                .onFailure(DatabaseFailures::isUnavailable).retry()
                .withBackOff(OUTAGE_BACKOFF, OUTAGE_MAX_BACKOFF).indefinitely()
                .onFailure().retry()
                .withBackOff(config.retryBackoff(), config.retryBackoff().multipliedBy(10))
                .atMost(Math.max(0, config.maxAttempts() - 2L))
                .onFailure().recoverWithUni(failure -> {
                    LOG.errorf(failure, "%s: dead-lettering event %s after %d attempts", d.consumer, d.event.eventId(),
                            config.maxAttempts());
                    return deadLetter(d.record, d.consumer, "failing", new EventApplicationException(d.event, failure));
                });
    }

    private static String consumers(List<Decoded> batch) {
        return batch.stream().map(Decoded::consumer).distinct().sorted().collect(Collectors.joining(","));
    }

    private record Decoded(KafkaRecord<String, String> record, String consumer, DomainEvent event) {
    }

    /**
     * Never cancelled (a channel stopping or rebalancing would otherwise abandon the transaction with its
     * connection): it commits or rolls back, and an unacknowledged record comes again to find its mark.
     */
    private Uni<Void> applyOnce(String consumer, DomainEvent event, Function<DomainEvent, Uni<Void>> effect) {
        return Uncancellable.of(Panache.withTransaction(() -> processed.markFirstDelivery(consumer, event.eventId())
                .chain(first -> first ? effect.apply(event) : Uni.createFrom().voidItem())));
    }

    /**
     * Hibernate Reactive only runs on the record's Vert.x context, but a retry's back-off delay
     * resumes on a worker thread: every attempt is sent back to the context first.
     */
    private static Executor onCurrentContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    /**
     * Hands the record to the dead-letter strategy. Should writing it fail (Kafka away), the nack is
     * tried again rather than failing the stream, which would stop the channel for good.
     */
    private Uni<Void> deadLetter(KafkaRecord<String, String> record, String consumer, String cause, Throwable reason) {
        metrics.counter("crm.inbox.dead.lettered", "consumer", consumer, "cause", cause).increment();
        return Uni.createFrom().completionStage(() -> record.nack(reason))
                .onFailure().retry().withBackOff(OUTAGE_BACKOFF, OUTAGE_MAX_BACKOFF).indefinitely();
    }

    /** Why an event went to the dead-letter topic; its message becomes the record's {@code dead-letter-reason}. */
    public static class EventApplicationException extends RuntimeException {
        public EventApplicationException(DomainEvent event, Throwable cause) {
            super("event " + event.eventId() + " failed: " + cause.getMessage(), cause);
        }
    }
}
