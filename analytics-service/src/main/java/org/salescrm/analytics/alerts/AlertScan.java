package org.salescrm.analytics.alerts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.salescrm.analytics.Sql;
import org.salescrm.analytics.archive.Archived;
import org.salescrm.analytics.state.DerivedState;
import org.salescrm.platform.database.AdvisoryLocks;

/**
 * Raises what silence causes (no event arrives when nothing happens), re-opens expired snoozes and
 * escalates alerts left unacknowledged. It evaluates only the customers with a subject that fell due: an
 * opportunity, customer or instalment whose {@code next_check_at} (the moment its next threshold passes, kept
 * by {@link AlertEngine} whenever it evaluates the subject) has come, or an alert whose snooze ran out or that
 * waited long enough to escalate; all found through indexes, so a scan costs what is due, not what exists.
 * Runs every {@code crm.alerts.scan-interval}, on one instance at a time: its session holds a PostgreSQL
 * advisory lock, and an instance that cannot take it skips. Within an instance a flag is tried first, so a
 * scan asked for while one runs answers at once without borrowing a connection: requests piling up (a client
 * retrying and hanging up) never tie up the pool.
 *
 * <p>Each chunk of customers commits on its own. A pass in one transaction held the lock of every alert
 * it had settled until its end, so a manager acknowledging one waited for the whole pass, holding a
 * connection meanwhile: a few dozen clicks during a long pass emptied the pool. A chunk and a batch about the
 * same customer take turns on its alerts (locked in id order); each writes what it derived from the facts it read
 * ({@link DerivedState#refresh}, a deal's activity and moments). A chunk that read before the batch committed can
 * leave a deal's older activity behind until the customer's next event or the deal's next moment on the scan.
 */
@ApplicationScoped
public class AlertScan {

    private static final Logger LOG = Logger.getLogger(AlertScan.class);
    private static final int CHUNK = 500;
    /** Held by the session across the chunks' transactions, so one instance scans at a time. */
    private static final String LOCK = "analytics-service.alert-scan";

    private final DerivedState derived;
    private final AlertEngine engine;
    private final Clock clock;
    private final Duration escalateAfter;
    private final AtomicBoolean running = new AtomicBoolean();

    public AlertScan(DerivedState derived, AlertEngine engine, Clock clock,
                     @ConfigProperty(name = "crm.alerts.escalate-after-days", defaultValue = "2") int escalateAfterDays) {
        this.derived = derived;
        this.engine = engine;
        this.clock = clock;
        this.escalateAfter = Duration.ofDays(escalateAfterDays);
    }

    @Scheduled(every = "${crm.alerts.scan-interval:30s}", delayed = "${crm.alerts.scan-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return scan().invoke(r -> LOG.debugf("alert scan evaluated %d customers", r.evaluated()))
                .onFailure().invoke(e -> LOG.warnf("alert scan failed, the next one retries: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Customers evaluated, or that a scan was already running here or on another instance (nothing waits for it). */
    public Uni<ScanResult> scan() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(ScanResult.skipped());
        }
        return Uni.createFrom().deferred(() -> Panache.withSession(() -> AdvisoryLocks.tryInSession(LOCK)
                        .chain(locked -> locked
                                ? evaluateAll().map(ScanResult::ran)
                                        .eventually(() -> AdvisoryLocks.releaseInSession(LOCK))
                                : Uni.createFrom().item(ScanResult.skipped()))))
                .onTermination().invoke(() -> running.set(false));
    }

    private Uni<Integer> evaluateAll() {
        return Panache.withTransaction(this::candidates).chain(ids -> Multi.createFrom().iterable(chunks(ids))
                .onItem().transformToUniAndConcatenate(chunk -> Panache.withTransaction(() -> derived.refresh(chunk)
                        .chain(() -> engine.evaluate(chunk))))
                .collect().last().replaceWith(ids.size()));
    }

    /**
     * The customers with something due now. A closed opportunity, an unwatched customer or a paid instalment has
     * no moment: only an event changes what the rules find for it, and the event's batch evaluates it then. An
     * archived customer's alerts resolved when it was archived, and no rule holds for it: it is left out.
     */
    private Uni<List<UUID>> candidates() {
        Instant now = clock.instant();
        return Sql.rows("""
                SELECT customer_id FROM (
                    SELECT customer_id FROM opportunity_fact WHERE status = 'OPEN' AND next_check_at <= ?1
                    UNION SELECT customer_id FROM customer_fact WHERE next_check_at <= ?1
                    UNION SELECT customer_id FROM receivable_instalment WHERE outstanding > 0 AND next_check_at <= ?1
                    UNION SELECT customer_id FROM alert WHERE status = 'SNOOZED' AND snoozed_until <= ?1
                    UNION SELECT customer_id FROM alert WHERE status = 'OPEN' AND NOT escalated AND open_since <= ?2
                    ) candidate
                WHERE %s
                ORDER BY 1""".formatted(Archived.customerLive("candidate.customer_id")), Sql.at(now),
                Sql.at(now.minus(escalateAfter)))
                .map(rows -> rows.stream().map(r -> r.uuid("customer_id")).toList());
    }

    private static List<List<UUID>> chunks(List<UUID> ids) {
        List<List<UUID>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return chunks;
    }
}
