package org.salescrm.analytics.alerts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.salescrm.analytics.Sql;
import org.salescrm.analytics.archive.Archived;
import org.salescrm.analytics.state.DerivedState;
import org.salescrm.platform.database.AdvisoryLocks;

/**
 * Raises what silence causes (no event arrives when nothing happens), re-opens expired snoozes and
 * escalates alerts left unacknowledged. Runs every {@code crm.alerts.scan-interval}, on one instance at
 * a time: its session holds a PostgreSQL advisory lock, and an instance that cannot take it skips.
 * Within an instance a flag is tried first, so a scan asked for while one runs answers at once without
 * borrowing a connection: requests piling up (a client retrying and hanging up) never tie up the pool.
 *
 * <p>Each chunk of customers commits on its own. A pass in one transaction held the lock of every alert
 * it had settled until its end, so a manager acknowledging one waited for the whole pass, holding a
 * connection meanwhile: a few dozen clicks during a long pass emptied the pool.
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
    private final AtomicBoolean running = new AtomicBoolean();

    public AlertScan(DerivedState derived, AlertEngine engine, Clock clock) {
        this.derived = derived;
        this.engine = engine;
        this.clock = clock;
    }

    @Scheduled(every = "${crm.alerts.scan-interval:1m}", delayed = "${crm.alerts.scan-delay:30s}",
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
     * Everyone a rule could hold for, and everyone with an alert that may need to resolve or escalate. An
     * instalment falls overdue with no event: the scan after its due date (business time) raises it. An
     * archived customer's alerts resolved when it was archived, and no rule holds for it: it is left out.
     */
    private Uni<List<UUID>> candidates() {
        return Sql.rows("""
                SELECT customer_id FROM (
                    SELECT customer_id FROM opportunity_fact WHERE status = 'OPEN'
                    UNION SELECT customer_id FROM customer_fact WHERE grade = 'A' OR won_deals > 0
                    UNION SELECT customer_id FROM opportunity_fact WHERE status = 'WON'
                    UNION SELECT customer_id FROM receivable_instalment WHERE outstanding > 0 AND due_on < ?1
                    UNION SELECT customer_id FROM alert WHERE status <> 'RESOLVED') candidate
                WHERE %s
                ORDER BY 1""".formatted(Archived.customerLive("candidate.customer_id")), LocalDate.now(clock))
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
