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
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka and marks them sent.
 *
 * <p>Runs on a worker thread because a Kafka send may block while the broker is away. Each pass
 * holds a transaction-scoped advisory lock, so with several instances only one relays at a time
 * and events of one key keep their order; {@code FOR UPDATE SKIP LOCKED} keeps a row from ever
 * being claimed twice. Rows are marked sent only up to the first failed send: the rest stay
 * pending and go out, in order, on a later pass.
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
    private final Counter failedPasses;
    private KafkaProducer<String, String> producer;
    private boolean lastPassFailed;

    public OutboxRelay(Pool pool, Clock clock, OutboxConfig config, KafkaProducerFactory producers,
                       MeterRegistry metrics) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
        this.producers = producers;
        this.published = metrics.counter("crm.outbox.published");
        this.failedPasses = metrics.counter("crm.outbox.failed.passes");
    }

    @Scheduled(every = "${crm.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayPending() {
        if (!config.enabled()) {
            return;
        }
        try {
            int sent;
            do {
                sent = relayBatch();
            } while (sent == config.batchSize());
            if (lastPassFailed) {
                LOG.info("outbox relay publishing again");
                lastPassFailed = false;
            }
        } catch (RuntimeException e) {
            if (!lastPassFailed) {
                LOG.warnf("outbox relay paused, events stay pending until Kafka is reachable: %s", e.getMessage());
            }
            lastPassFailed = true;
            failedPasses.increment();
            resetProducer();
        }
    }

    /** One transaction: lock, read pending rows in order, send, mark the sent prefix. Returns how many went out. */
    int relayBatch() {
        SqlConnection connection = pool.getConnection().await().atMost(DB_TIMEOUT);
        try {
            Transaction tx = connection.begin().await().atMost(DB_TIMEOUT);
            if (!tryRelayLock(connection)) {
                tx.rollback().await().atMost(DB_TIMEOUT);
                return 0;
            }
            List<Row> pending = lockPending(connection);
            List<Long> sent = send(pending);
            markSent(connection, sent);
            tx.commit().await().atMost(DB_TIMEOUT);
            published.increment(sent.size());
            if (sent.size() < pending.size()) {
                throw new IllegalStateException("Kafka did not acknowledge " + (pending.size() - sent.size()) + " events");
            }
            return sent.size();
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
                        WHERE sent_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED""")
                .execute(Tuple.of(config.batchSize())).await().atMost(DB_TIMEOUT)
                .forEach(rows::add);
        return rows;
    }

    /** Sends all rows, then waits for the acknowledgements; returns the ids of the acknowledged prefix. */
    private List<Long> send(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        KafkaProducer<String, String> kafka = producer();
        List<Future<?>> acks = new ArrayList<>(rows.size());
        try {
            for (Row row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.getString("topic"),
                        row.getString("record_key"), row.getString("payload"));
                record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes());
                record.headers().add("ce_type", row.getString("type").getBytes());
                acks.add(kafka.send(record));
            }
        } catch (RuntimeException e) {
            LOG.debugf(e, "send interrupted after %d of %d events", acks.size(), rows.size());
        }
        return acknowledgedPrefix(rows, acks);
    }

    private List<Long> acknowledgedPrefix(List<Row> rows, List<Future<?>> acks) {
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get();
                sent.add(rows.get(i).getLong("seq"));
            } catch (Exception e) {
                LOG.debugf("event %d not acknowledged: %s", rows.get(i).getLong("seq"), e.getMessage());
                break;
            }
        }
        return sent;
    }

    private void markSent(SqlConnection connection, List<Long> seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        connection.preparedQuery("UPDATE outbox_event SET sent_at = $1 WHERE seq = ANY($2)")
                .execute(Tuple.of(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), seqs.toArray(Long[]::new)))
                .await().atMost(DB_TIMEOUT);
    }

    @Scheduled(every = "1h", delayed = "1m")
    void purgeSent() {
        OffsetDateTime before = OffsetDateTime.ofInstant(clock.instant().minus(config.retention()), ZoneOffset.UTC);
        pool.preparedQuery("DELETE FROM outbox_event WHERE sent_at < $1")
                .execute(Tuple.of(before)).await().atMost(DB_TIMEOUT);
    }

    private synchronized KafkaProducer<String, String> producer() {
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
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
