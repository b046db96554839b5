package org.salescrm.visit.followup;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.salescrm.platform.database.AdvisoryLocks;
import org.salescrm.platform.outbox.Outbox;

/**
 * Publishes {@code FollowUpOverdue} once per follow-up that passed its due date while open. The
 * event and the follow-up's marker commit together, so neither a second run nor a second instance
 * publishes it again; instances take turns through a PostgreSQL advisory lock.
 */
@ApplicationScoped
public class OverdueFollowUpJob {

    private static final Logger LOG = Logger.getLogger(OverdueFollowUpJob.class);
    private static final String LOCK = "visit-service.overdue-follow-ups";

    private final FollowUpRepository followUps;
    private final Outbox outbox;
    private final Clock clock;
    private final int batchSize;

    public OverdueFollowUpJob(FollowUpRepository followUps, Outbox outbox, Clock clock,
                              @ConfigProperty(name = "crm.follow-ups.overdue-batch-size", defaultValue = "200")
                              int batchSize) {
        this.followUps = followUps;
        this.outbox = outbox;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Scheduled(every = "${crm.follow-ups.overdue-interval:5m}", delayed = "${crm.follow-ups.overdue-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().onFailure().invoke(e -> LOG.warnf("overdue follow-up check failed, retried next time: %s",
                e.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Publishes every overdue follow-up not yet published, batch by batch; returns how many it published. */
    public Uni<Integer> run() {
        return batch().chain(published -> published == batchSize
                ? run().map(more -> published + more)
                : Uni.createFrom().item(published));
    }

    /** One transaction; another instance holding the lock means it is doing this very work: this one stops. */
    private Uni<Integer> batch() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        return Panache.withTransaction(() -> AdvisoryLocks.tryUntilCommit(LOCK).chain(locked -> !locked
                ? Uni.createFrom().item(0)
                : followUps.overdueNotYetPublished(today, batchSize).chain(due -> publish(due, now))));
    }

    /** A plain update: the marker is no client-visible change, so the follow-up's version stays. */
    private static Uni<Integer> markPublished(UUID id, OffsetDateTime at) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("UPDATE follow_up SET overdue_published_at = ?1 WHERE id = ?2")
                .setParameter(1, at)
                .setParameter(2, id)
                .executeUpdate());
    }

    private Uni<Integer> publish(List<FollowUp> due, Instant now) {
        if (due.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        Uni<Void> work = Uni.createFrom().voidItem();
        for (FollowUp f : due) {
            // it became overdue when the business day after its due date began
            Instant since = f.dueOn.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
            work = work.call(() -> outbox.append(FollowUpEvents.overdue(f, since)))
                    .call(() -> markPublished(f.id, at));
        }
        return work
                .replaceWith(due.size());
    }
}
