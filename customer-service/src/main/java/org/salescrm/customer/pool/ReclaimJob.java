package org.salescrm.customer.pool;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.salescrm.customer.customer.Customer;
import org.salescrm.events.EventIds;
import org.salescrm.events.customer.CustomerReclaimWarning;
import org.salescrm.platform.database.AdvisoryLocks;
import org.salescrm.platform.outbox.Outbox;

/**
 * Automatic reclaim: a customer whose silence (since its last qualifying contact, or since its
 * owner got it if that is later) reaches {@code crm.pool.reclaim-days.<grade>} goes back to the
 * pool, unless it has an open opportunity in NEGOTIATION. {@code crm.pool.reclaim-warning-days}
 * before that day the owner is warned, once per silence. One instance scans at a time (a
 * transaction-scoped advisory lock); the clock is injected so tests move time instead of waiting.
 */
@ApplicationScoped
public class ReclaimJob {

    private static final Logger LOG = Logger.getLogger(ReclaimJob.class);
    private static final String RECLAIM_LOCK = "customer-service.reclaim";

    /**
     * One grade's clause: due for reclaim, or inside the warning window and not yet warned of this
     * silence. The silence starts at the later of last contact and owner_since (GREATEST skips a null).
     */
    private static final String GRADE_DUE = """
            (c.grade = '%1$s' AND (GREATEST(c.owner_since, c.last_contact_at) <= :reclaim%1$s
              OR (GREATEST(c.owner_since, c.last_contact_at) <= :warn%1$s
                  AND c.reclaim_warned_for IS DISTINCT FROM GREATEST(c.owner_since, c.last_contact_at))))""";
    private static final String CANDIDATES = """
            SELECT c.* FROM customer c
            WHERE c.owner_id IS NOT NULL AND c.deleted_at IS NULL
              AND (%s OR %s OR %s)
              AND NOT EXISTS (SELECT 1 FROM opportunity o
                              WHERE o.customer_id = c.id AND o.status = 'OPEN' AND o.stage = 'NEGOTIATION'
                                AND o.deleted_at IS NULL)
            ORDER BY c.id LIMIT :batch FOR UPDATE OF c""".formatted(
            GRADE_DUE.formatted("A"), GRADE_DUE.formatted("B"), GRADE_DUE.formatted("C"));

    private final OwnerChanges owners;
    private final Outbox outbox;
    private final PoolConfig config;
    private final Clock clock;

    public ReclaimJob(OwnerChanges owners, Outbox outbox, PoolConfig config, Clock clock) {
        this.owners = owners;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "customer-reclaim", every = "${crm.pool.reclaim-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runOnce()
                .invoke(pass -> {
                    if (pass.handled() > 0) {
                        LOG.infof("reclaim pass: %d warned, %d reclaimed", pass.warned(), pass.reclaimed());
                    }
                })
                .replaceWithVoid();
    }

    /** Scans until nothing is left to warn of or reclaim; skipped when another instance is scanning. */
    public Uni<ReclaimPass> runOnce() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> AdvisoryLocks.tryUntilCommit(RECLAIM_LOCK)
                        .chain(locked -> locked ? batch(now) : Uni.createFrom().item(ReclaimPass.SKIPPED)))
                .chain(pass -> pass.handled() == config.reclaimBatchSize()
                        ? runOnce().map(pass::plus) : Uni.createFrom().item(pass));
    }

    private Uni<ReclaimPass> batch(Instant now) {
        return Panache.getSession().chain(session -> candidates(session, now)).chain(found -> {
            Uni<ReclaimPass> pass = Uni.createFrom().item(new ReclaimPass(true, 0, 0));
            for (Customer c : found) {
                pass = pass.chain(sofar -> handle(c, now).map(sofar::plus));
            }
            return pass;
        });
    }

    private Uni<List<Customer>> candidates(Mutiny.Session session, Instant now) {
        Mutiny.SelectionQuery<Customer> query = session.createNativeQuery(CANDIDATES, Customer.class);
        for (String grade : List.of("A", "B", "C")) {
            Duration limit = Duration.ofDays(config.reclaimDaysFor(grade));
            query.setParameter("reclaim" + grade, now.minus(limit));
            query.setParameter("warn" + grade, now.minus(limit).plus(Duration.ofDays(config.reclaimWarningDays())));
        }
        return query.setParameter("batch", config.reclaimBatchSize()).getResultList();
    }

    private Uni<ReclaimPass> handle(Customer c, Instant now) {
        Instant silence = c.silenceSince();
        int days = config.reclaimDaysFor(c.grade);
        Instant reclaimAt = silence.plus(Duration.ofDays(days));
        long daysSilent = Duration.between(silence, now).toDays();
        if (!now.isBefore(reclaimAt)) {
            String reason = "no qualifying contact for " + daysSilent + " days (grade " + c.grade + ": " + days + ")";
            return owners.move(c, OwnerMove.reclaim(reason)).replaceWith(new ReclaimPass(true, 0, 1));
        }
        return warn(c, silence, reclaimAt, daysSilent, now).replaceWith(new ReclaimPass(true, 1, 0));
    }

    /**
     * Marks the silence as warned without touching the customer's version: a warning is no edit,
     * and must not make a client's If-Match stale. The event repeats the current version.
     */
    private Uni<Void> warn(Customer c, Instant silence, Instant reclaimAt, long daysSilent, Instant now) {
        LocalDate reclaimOn = LocalDate.ofInstant(reclaimAt, clock.getZone());
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("UPDATE customer SET reclaim_warned_for = ?1 WHERE id = ?2")
                        .setParameter(1, silence)
                        .setParameter(2, c.id)
                        .executeUpdate())
                .chain(() -> outbox.append(new CustomerReclaimWarning(EventIds.next(), c.id, c.version, c.ownerId,
                        c.ownerTeam, now, c.name, reclaimOn, (int) daysSilent, c.grade)));
    }
}
