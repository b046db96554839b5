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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.jboss.logging.Logger;

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
 * every {@code crm.outbox.poll-interval}. Wakes are coalesced: a burst of commits costs a pass or two,
 * never a queue of them, and passes never overlap.
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
    private final ExecutorService passes = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    /** A pass is wanted: set by each wake, cleared as a pass begins, so a commit during a pass gets one more. */
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private KafkaProducer<String, String> producer;
    private volatile boolean stopping;
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
    }

    /** Asks for a pass soon; returns at once (it may be called on an event loop). */
    public void wake() {
        wanted.set(true);
        if (!stopping && running.compareAndSet(false, true)) {
            passes.execute(this::drain);
        }
    }

    @Scheduled(every = "${crm.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    private void drain() {
        try {
            while (wanted.getAndSet(false)) {
                relayPending();
            }
        } finally {
            running.set(false);
        }
        // a wake that came after the loop's last look but before the flag was down would be lost
        if (wanted.get()) {
            wake();
        }
    }

    void relayPending() {
        if (!config.enabled() || stopping) {
            return;
        }
        try {
            int handled;
            do {
                handled = relayBatch();
            } while (handled == config.batchSize() && !stopping);
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
        SqlConnection connection = pool.getConnection().await().atMost(DB_TIMEOUT);
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
        if (stopping) {
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
        stopping = true;
        passes.shutdown();
        try {
            // the pass in flight settles what Kafka acknowledged before its producer closes
            passes.awaitTermination(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
