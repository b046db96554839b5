package org.salescrm.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.jboss.logging.Logger;
import org.salescrm.platform.polling.CoalescingPoller;

/**
 * Publishes committed outbox rows to Kafka and marks them sent.
 *
 * <p>Runs on a worker thread because a Kafka send may block while the broker is away. Each pass
 * holds a transaction-scoped advisory lock, so with several instances exactly one relays at a
 * time and rows go out in sequence order; {@code FOR UPDATE SKIP LOCKED} keeps the row claim
 * cheap and safe should that lock ever be dropped. Rows are marked sent up to the first send
 * Kafka did not acknowledge: the rest stay pending and go out, in order, on a later pass. A row
 * Kafka can never take (too large, bad topic) is parked with the reason instead of blocking every
 * event behind it.
 *
 * <p>A pass starts when a write has committed ({@link #wake()}: after a write request's answer, after an
 * event batch) and, as a safety net for writes no one announced (another instance, a scheduled job),
 * every {@code crm.outbox.poll-interval}. Passes run on the relay's own thread, a {@link CoalescingPoller}:
 * a burst of commits costs a pass or two, never a queue of them, and passes never overlap.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant shared by all instances of one service; each service has its own database. */
    private static final long RELAY_LOCK = 0x0C2A0B0FL;
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;
    private final Clock clock;
    private final OutboxConfig config;
    private final KafkaProducerFactory producers;
    private final Counter published;
    private final Counter parked;
    private final Counter failedPasses;
    private final CoalescingPoller passes;
    private KafkaProducer<String, String> producer;
    private boolean lastPassFailed;

    public OutboxRelay(Pool pool, Clock clock, OutboxConfig config, KafkaProducerFactory producers,
                       MeterRegistry metrics) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
        this.producers = producers;
        this.published = metrics.counter("crm.outbox.published");
        this.parked = metrics.counter("crm.outbox.parked");
        this.failedPasses = metrics.counter("crm.outbox.failed.passes");
        this.passes = new CoalescingPoller("outbox-relay", this::relayPending);
    }

    /** Asks for a pass soon; returns at once (it may be called on an event loop). */
    public void wake() {
        passes.wake();
    }

    @Scheduled(every = "${crm.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        passes.wake();
    }

    void relayPending() {
        if (!config.enabled() || passes.stopping()) {
            return;
        }
        try {
            int handled;
            do {
                handled = relayBatch();
            } while (handled == config.batchSize() && !passes.stopping());
            recovered();
        } catch (KafkaUnavailableException e) {
            failed("events stay pending until Kafka acknowledges them", e);
            resetProducer();
        } catch (RuntimeException e) {
            failed("events stay pending until the database is back", e);
        }
    }

    /** One transaction: lock, read pending rows in order, send, mark what went out. Returns the rows settled. */
    int relayBatch() {
        SqlConnection connection = borrow();
        try {
            Transaction tx = connection.begin().await().atMost(DB_TIMEOUT);
            if (!tryRelayLock(connection)) {
                tx.rollback().await().atMost(DB_TIMEOUT);
                return 0;
            }
            List<Row> pending = lockPending(connection);
            Outcome outcome = send(pending);
            markSent(connection, outcome.sent());
            park(connection, outcome.parked());
            tx.commit().await().atMost(DB_TIMEOUT);
            published.increment(outcome.sent().size());
            parked.increment(outcome.parked().size());
            if (outcome.unacknowledged() != null) {
                throw new KafkaUnavailableException(outcome.unacknowledged());
            }
            return outcome.sent().size() + outcome.parked().size();
        } finally {
            connection.close().await().atMost(DB_TIMEOUT);
        }
    }

    /**
     * Waits at most DB_TIMEOUT for a connection without ever cancelling the borrow: the pool hands a connection
     * that frees up to the oldest borrow, and one handed to a cancelled borrow is never given back. Under a busy
     * pool, a timed-out {@code await().atMost} here lost one connection a pass until none was left. A borrow given
     * up on is closed whenever its connection arrives.
     */
    private SqlConnection borrow() {
        CompletableFuture<SqlConnection> borrowed = pool.getConnection().subscribeAsCompletionStage();
        try {
            return borrowed.get(DB_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            borrowed.thenAccept(late -> late.close().subscribe().with(closed -> { }, failure -> { }));
            throw new IllegalStateException("no database connection free within " + DB_TIMEOUT, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            borrowed.thenAccept(late -> late.close().subscribe().with(closed -> { }, failure -> { }));
            throw new IllegalStateException("interrupted while borrowing a connection", e);
        }
    }

    private boolean tryRelayLock(SqlConnection connection) {
        return connection.preparedQuery("SELECT pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(RELAY_LOCK)).await().atMost(DB_TIMEOUT)
                .iterator().next().getBoolean(0);
    }

    private List<Row> lockPending(SqlConnection connection) {
        List<Row> rows = new ArrayList<>();
        connection.preparedQuery("""
                        SELECT seq, topic, record_key, type, payload FROM outbox_event
                        WHERE sent_at IS NULL AND parked_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED""")
                .execute(Tuple.of(config.batchSize())).await().atMost(DB_TIMEOUT)
                .forEach(rows::add);
        return rows;
    }

    /** What a pass achieved: rows acknowledged, rows Kafka refused for good, and why it stopped early, if it did. */
    private record Outcome(List<Long> sent, List<Parked> parked, Throwable unacknowledged) {
    }

    private record Parked(long seq, String reason) {
    }

    /** Sends all rows, then reads the acknowledgements in order. */
    private Outcome send(List<Row> rows) {
        List<Long> sent = new ArrayList<>();
        List<Parked> refused = new ArrayList<>();
        if (rows.isEmpty()) {
            return new Outcome(sent, refused, null);
        }
        KafkaProducer<String, String> kafka = producer();
        List<Future<?>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            acks.add(kafka.send(record(row)));
        }
        for (int i = 0; i < acks.size(); i++) {
            long seq = rows.get(i).getLong("seq");
            try {
                acks.get(i).get();
                sent.add(seq);
            } catch (ExecutionException e) {
                if (!isRefusedForGood(e.getCause())) {
                    return new Outcome(sent, refused, e.getCause());
                }
                LOG.errorf("outbox event %d parked, Kafka refuses it: %s", seq, e.getCause().toString());
                refused.add(new Parked(seq, e.getCause().toString()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(sent, refused, e);
            }
        }
        return new Outcome(sent, refused, null);
    }

    private static ProducerRecord<String, String> record(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.getString("topic"),
                row.getString("record_key"), row.getString("payload"));
        record.headers().add("content-type",
                "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", row.getString("type").getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Errors of the record itself: sending it again can never succeed. */
    private static boolean isRefusedForGood(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof InvalidTopicException
                || failure instanceof InvalidRecordException || failure instanceof SerializationException;
    }

    private void markSent(SqlConnection connection, List<Long> seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        connection.preparedQuery("UPDATE outbox_event SET sent_at = $1 WHERE seq = ANY($2)")
                .execute(Tuple.of(now(), seqs.toArray(Long[]::new)))
                .await().atMost(DB_TIMEOUT);
    }

    private void park(SqlConnection connection, List<Parked> rows) {
        for (Parked row : rows) {
            connection.preparedQuery("UPDATE outbox_event SET parked_at = $1, park_reason = $2 WHERE seq = $3")
                    .execute(Tuple.of(now(), row.reason(), row.seq())).await().atMost(DB_TIMEOUT);
        }
    }

    @Scheduled(every = "1h", delayed = "1m")
    void purgeSent() {
        OffsetDateTime before = OffsetDateTime.ofInstant(clock.instant().minus(config.retention()), ZoneOffset.UTC);
        pool.preparedQuery("DELETE FROM outbox_event WHERE sent_at < $1")
                .execute(Tuple.of(before)).await().atMost(DB_TIMEOUT);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private void failed(String consequence, RuntimeException e) {
        if (!lastPassFailed) {
            LOG.warnf("outbox relay paused, %s: %s", consequence, e.getMessage());
        }
        lastPassFailed = true;
        failedPasses.increment();
    }

    private void recovered() {
        if (lastPassFailed) {
            LOG.info("outbox relay publishing again");
            lastPassFailed = false;
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (passes.stopping()) {
            throw new KafkaUnavailableException(new IllegalStateException("service is stopping"));
        }
        if (producer == null) {
            producer = producers.create();
        }
        return producer;
    }

    /** An idempotent producer that hit an error may be fenced; a fresh one starts clean. */
    private synchronized void resetProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        // the pass in flight settles what Kafka acknowledged before its producer closes
        passes.stop(config.sendTimeout());
        closeProducer();
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    /** Kafka did not acknowledge an event in time: the producer is replaced and the rest waits. */
    static final class KafkaUnavailableException extends RuntimeException {
        KafkaUnavailableException(Throwable cause) {
            super("Kafka did not acknowledge an event: " + cause, cause);
        }
    }
}
