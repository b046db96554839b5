package org.salescrm.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.salescrm.platform.database.NativeQueries;

/** The events each consumer has already applied, recorded in the same transaction as their effect. */
@ApplicationScoped
public class ProcessedEvents {

    private final Clock clock;
    private final Pool pool;
    private final InboxConfig config;

    public ProcessedEvents(Clock clock, Pool pool, InboxConfig config) {
        this.clock = clock;
        this.pool = pool;
        this.config = config;
    }

    /** True the first time a consumer sees an event id; false for every redelivery. Needs an open transaction. */
    public Uni<Boolean> markFirstDelivery(String consumer, UUID eventId) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?1, ?2, ?3)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, now)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * The ids of these events their consumer ({@code consumers}: event id → consumer) sees for the first time,
     * marked processed with one statement. The set is the caller's to change. Needs an open transaction.
     */
    public Uni<Set<UUID>> markFirstDeliveries(Map<UUID, String> consumers) {
        if (consumers.isEmpty()) {
            return Uni.createFrom().item(new HashSet<>());
        }
        List<Map.Entry<UUID, String>> marks = List.copyOf(consumers.entrySet());
        return Panache.getSession().chain(session -> NativeQueries.rows(session, """
                        INSERT INTO processed_event (consumer, event_id, processed_at)
                        SELECT d.consumer, d.id, ?3
                        FROM unnest(CAST(?1 AS text[]), CAST(?2 AS uuid[])) AS d(consumer, id)
                        ON CONFLICT DO NOTHING RETURNING event_id""",
                        NativeQueries.array(marks, String.class, Map.Entry::getValue),
                        NativeQueries.array(marks, UUID.class, Map.Entry::getKey), NativeQueries.at(clock.instant())))
                .map(rows -> rows.stream().map(row -> row.uuid("event_id"))
                        .collect(Collectors.toCollection(HashSet::new)));
    }

    /** A redelivery comes from Kafka, so marks older than the topics' retention can never be needed again. */
    @Scheduled(every = "1h", delayed = "10m")
    void forgetOldMarks() {
        OffsetDateTime before = OffsetDateTime.ofInstant(clock.instant().minus(config.retention()), ZoneOffset.UTC);
        pool.preparedQuery("DELETE FROM processed_event WHERE processed_at < $1")
                .execute(Tuple.of(before)).await().atMost(Duration.ofMinutes(5));
    }
}
