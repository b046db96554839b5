package org.salescrm.analytics.visits;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.salescrm.analytics.Sql;
import org.salescrm.analytics.activity.RepActivity;
import org.salescrm.analytics.activity.RepActivity.Delta;
import org.salescrm.analytics.activity.RepActivity.Entry;
import org.salescrm.analytics.state.Rounds;
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

    /** A round of the batch ({@link Rounds}): the logged visits with one statement, corrections one by one. */
    public Uni<Void> apply(List<DomainEvent> round) {
        return logged(Rounds.only(round, VisitLogged.class))
                .chain(() -> Sql.each(Rounds.only(round, VisitCorrected.class), this::corrected));
    }

    /** A visit is counted when its row is first written; a redelivered or stale log writes nothing. */
    private Uni<Void> logged(List<VisitLogged> visits) {
        if (visits.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Sql.rows("""
                        INSERT INTO visit_fact (visit_id, customer_id, opportunity_id, owner_id, owner_team, occurred_at,
                                                sentiment, effective, aggregate_version)
                        SELECT * FROM unnest(CAST(?1 AS uuid[]),
                                CAST(?2 AS uuid[]),
                                CAST(?3 AS uuid[]),
                                CAST(?4 AS text[]),
                                CAST(?5 AS text[]),
                                CAST(CAST(?6 AS text[]) AS timestamptz[]),
                                CAST(?7 AS text[]),
                                CAST(?8 AS boolean[]),
                                CAST(?9 AS bigint[]))
                        ON CONFLICT DO NOTHING RETURNING visit_id""",
                Sql.array(visits, UUID.class, VisitLogged::aggregateId),
                Sql.array(visits, UUID.class, VisitLogged::customerId),
                Sql.array(visits, UUID.class, VisitLogged::opportunityId),
                Sql.array(visits, String.class, VisitLogged::ownerId),
                Sql.array(visits, String.class, VisitLogged::ownerTeam), Sql.instants(visits, VisitLogged::occurredAt),
                Sql.array(visits, String.class, VisitLogged::sentiment),
                Sql.array(visits, Boolean.class, VisitLogged::effective),
                Sql.array(visits, Long.class, VisitLogged::aggregateVersion))
                .chain(rows -> {
                    Set<UUID> written = rows.stream().map(r -> r.uuid("visit_id")).collect(Collectors.toSet());
                    return activity.addAll(visits.stream().filter(v -> written.contains(v.aggregateId()))
                            .map(v -> new Entry(v.customerId(), v.customerId(), v.ownerId(), v.ownerTeam(),
                                    activity.businessDay(v.occurredAt()), Delta.visit(1, v.effective())))
                            .toList());
                });
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
