package org.salescrm.analytics.delivery.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.salescrm.analytics.delivery.stream.AlertHub.StreamedAlert;
import org.salescrm.events.Topics;
import org.salescrm.platform.security.Caller;

/**
 * Resumes a stream after the {@code Last-Event-ID} a reconnecting client sends: the alert events
 * this service wrote after that one, read back from its outbox (sent rows are kept for
 * {@code crm.outbox.retention}), then the live ones. An id the outbox no longer holds, or never
 * held, resumes with the live events alone; the client re-reads the open alerts on every reconnect.
 */
@ApplicationScoped
public class MissedAlerts {

    private static final Logger LOG = Logger.getLogger(MissedAlerts.class);

    private final Pool pool;
    private final AlertHub hub;
    private final AlertStreamConfig config;

    public MissedAlerts(Pool pool, AlertHub hub, AlertStreamConfig config) {
        this.pool = pool;
        this.hub = hub;
        this.config = config;
    }

    /** The caller's alerts from now on, preceded by those written after {@code lastEventId} when it names one of ours. */
    public Multi<StreamedAlert> resume(Caller caller, String lastEventId) {
        Optional<UUID> last = eventId(lastEventId);
        if (last.isEmpty()) {
            return hub.listen(caller);
        }
        return Multi.createFrom().deferred(() -> missedThenLive(caller, last.get()));
    }

    /**
     * Live alerts are held from before the outbox is read until the missed ones are out, so none
     * falls between the two and none arrives ahead of an older one; one read both ways goes out once.
     */
    private Multi<StreamedAlert> missedThenLive(Caller caller, UUID lastEventId) {
        AtomicReference<Cancellable> live = new AtomicReference<>();
        Runnable stopListening = () -> Optional.ofNullable(live.getAndSet(null)).ifPresent(Cancellable::cancel);
        UnicastProcessor<StreamedAlert> held =
                UnicastProcessor.create(new ArrayBlockingQueue<>(config.bufferSize()), stopListening);
        live.set(hub.listen(caller).subscribe().with(held::onNext, held::onError, held::onComplete));
        return after(lastEventId, caller)
                .onItem().transformToMulti(missed -> {
                    Set<UUID> sent = missed.stream().map(a -> a.notice().eventId()).collect(Collectors.toSet());
                    return Multi.createBy().concatenating().streams(Multi.createFrom().iterable(missed),
                            held.select().where(alert -> !sent.contains(alert.notice().eventId())));
                })
                .onTermination().invoke(stopListening);
    }

    /** Alert events written after the given one that the caller may see, oldest first, at most the newest replay-limit. */
    Uni<List<StreamedAlert>> after(UUID lastEventId, Caller caller) {
        return pool.preparedQuery("""
                        SELECT payload FROM outbox_event
                        WHERE topic = $1 AND parked_at IS NULL
                          AND seq > (SELECT seq FROM outbox_event WHERE event_id = $2)
                        ORDER BY seq DESC LIMIT $3""")
                .execute(Tuple.of(Topics.ALERTS, lastEventId, config.replayLimit()))
                .map(rows -> {
                    List<StreamedAlert> missed = new ArrayList<>();
                    for (Row row : rows) {
                        hub.decode(row.getString("payload"))
                                .filter(alert -> alert.notice().visibleTo(caller))
                                .ifPresent(missed::add);
                    }
                    Collections.reverse(missed);
                    return missed;
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("alert stream resumed without the missed events: %s", failure.getMessage());
                    return List.of();
                });
    }

    /** A Last-Event-ID that is no event id of ours (a browser may send anything) resumes live only. */
    private static Optional<UUID> eventId(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(lastEventId.trim()));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
