package org.salescrm.analytics.visits;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.salescrm.analytics.Sql;
import org.salescrm.analytics.activity.RepActivity;
import org.salescrm.analytics.activity.RepActivity.Delta;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.visit.VisitCorrected;
import org.salescrm.events.visit.VisitLogged;
import org.salescrm.platform.database.Row;

/**
 * Applies crm.visits to {@code visit_fact} (date, sentiment, effective) and the owner's visit counters
 * for the visit's business day. Inside the inbox's transaction.
 */
@ApplicationScoped
public class VisitFacts {

    private final RepActivity activity;

    public VisitFacts(RepActivity activity) {
        this.activity = activity;
    }

    public Uni<Void> apply(DomainEvent event) {
        if (event instanceof VisitLogged e) {
            return logged(e);
        }
        if (event instanceof VisitCorrected e) {
            return corrected(e);
        }
        return Uni.createFrom().voidItem();
    }

    /** A visit is counted when its row is first written; a redelivered or stale log writes nothing. */
    private Uni<Void> logged(VisitLogged e) {
        return Sql.update("""
                        INSERT INTO visit_fact (visit_id, customer_id, opportunity_id, owner_id, owner_team, occurred_at,
                                                sentiment, effective, aggregate_version)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING""",
                e.aggregateId(), e.customerId(), e.opportunityId(), e.ownerId(), e.ownerTeam(), Sql.at(e.occurredAt()),
                e.sentiment(), e.effective(), e.aggregateVersion())
                .chain(rows -> rows > 0
                        ? activity.add(e.customerId(), e.customerId(), e.ownerId(), e.ownerTeam(),
                                activity.businessDay(e.occurredAt()), Delta.visit(1, e.effective()))
                        : Uni.createFrom().voidItem());
    }

    /** Moves the visit's count to its corrected day and effectiveness: the old one taken back, the new one added. */
    private Uni<Void> corrected(VisitCorrected e) {
        Instant at = e.visitOccurredAt() != null ? e.visitOccurredAt() : e.occurredAt();
        return Sql.rows("""
                        SELECT occurred_at, effective, owner_id, owner_team, aggregate_version
                        FROM visit_fact WHERE visit_id = ?1 FOR UPDATE""", e.aggregateId())
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return insertFromCorrection(e, at);
                    }
                    Row held = rows.get(0);
                    if (held.number("aggregate_version") >= e.aggregateVersion()) {
                        return Uni.createFrom().voidItem();
                    }
                    return Sql.update("""
                                    UPDATE visit_fact SET occurred_at = ?2, sentiment = COALESCE(?3, sentiment),
                                        effective = ?4, aggregate_version = ?5 WHERE visit_id = ?1""",
                                    e.aggregateId(), Sql.at(at), e.sentiment(), e.effective(), e.aggregateVersion())
                            .chain(() -> activity.add(e.customerId(), e.customerId(), held.text("owner_id"),
                                    held.text("owner_team"), activity.businessDay(held.instant("occurred_at")),
                                    Delta.visit(-1, held.flag("effective"))))
                            .chain(() -> activity.add(e.customerId(), e.customerId(), held.text("owner_id"),
                                    held.text("owner_team"), activity.businessDay(at), Delta.visit(1, e.effective())));
                });
    }

    private Uni<Void> insertFromCorrection(VisitCorrected e, Instant at) {
        return Sql.update("""
                        INSERT INTO visit_fact (visit_id, customer_id, owner_id, owner_team, occurred_at, sentiment,
                                                effective, aggregate_version)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING""",
                e.aggregateId(), e.customerId(), e.ownerId(), e.ownerTeam(), Sql.at(at), e.sentiment(), e.effective(),
                e.aggregateVersion())
                .chain(rows -> rows > 0
                        ? activity.add(e.customerId(), e.customerId(), e.ownerId(), e.ownerTeam(), activity.businessDay(at),
                                Delta.visit(1, e.effective()))
                        : Uni.createFrom().voidItem());
    }

}
