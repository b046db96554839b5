package org.salescrm.goal.actuals;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.customer.OpportunityLost;
import org.salescrm.events.customer.OpportunityOpened;
import org.salescrm.events.customer.OpportunityStageChanged;
import org.salescrm.events.customer.OpportunityUpdated;
import org.salescrm.events.customer.OpportunityWon;
import org.salescrm.platform.database.NativeQueries;

/**
 * Keeps {@code opportunity_replica} as crm.opportunities last said: stage, status, amount, expected
 * close date, and for a closed deal the day it closed and why it was lost. Runs inside the inbox's
 * transaction; an event applies only when its version is newer than the row's (an OpportunityWon,
 * which repeats its stage change's version, also at the same one, to set the day it was won).
 */
@ApplicationScoped
public class OpportunityReplicas {

    static final String WON = "WON";
    static final String LOST = "LOST";

    private final ZoneId businessZone;

    public OpportunityReplicas(Clock clock) {
        this.businessZone = clock.getZone();
    }

    /** What one event says about the deal; null fields leave the row's value as it is. */
    record Change(UUID id, long version, boolean sameVersionApplies, UUID customerId, String ownerId,
                  String ownerTeam, String name, String productLine, String stage, String closedStatus,
                  BigDecimal amount, String currency, LocalDate expectedCloseDate, LocalDate closedOn,
                  String lostReason, String lostCompetitor, Integer probability) {
    }

    public Uni<Void> apply(DomainEvent event) {
        Change change = changeOf(event);
        if (change == null) {
            return Uni.createFrom().voidItem();
        }
        return upsert(change).chain(() -> rememberCloseDate(change.id(), change.expectedCloseDate()));
    }

    private Change changeOf(DomainEvent event) {
        if (event instanceof OpportunityOpened o) {
            return new Change(o.aggregateId(), o.aggregateVersion(), false, o.customerId(), o.ownerId(), o.ownerTeam(),
                    o.name(), o.productLine(), o.stage(), null, o.amount(), o.currency(), o.expectedCloseDate(), null,
                    null, null, o.probability());
        }
        if (event instanceof OpportunityUpdated u) {
            return new Change(u.aggregateId(), u.aggregateVersion(), false, u.customerId(), u.ownerId(), u.ownerTeam(),
                    u.name(), u.productLine(), u.stage(), null, u.amount(), u.currency(), u.expectedCloseDate(), null,
                    null, null, u.probability());
        }
        if (event instanceof OpportunityStageChanged s) {
            LocalDate closedOn = WON.equals(s.toStage()) ? dayOf(s.occurredAt()) : null;
            return new Change(s.aggregateId(), s.aggregateVersion(), false, s.customerId(), s.ownerId(), s.ownerTeam(),
                    null, s.productLine(), s.toStage(), null, s.amount(), s.currency(), s.expectedCloseDate(),
                    closedOn, null, null, s.probability());
        }
        if (event instanceof OpportunityWon w) {
            LocalDate wonOn = w.wonOn() != null ? w.wonOn() : dayOf(w.occurredAt());
            return new Change(w.aggregateId(), w.aggregateVersion(), true, w.customerId(), w.ownerId(), w.ownerTeam(),
                    null, w.productLine(), WON, WON, w.amount(), w.currency(), null, wonOn, null, null, null);
        }
        if (event instanceof OpportunityLost l) {
            return new Change(l.aggregateId(), l.aggregateVersion(), false, l.customerId(), l.ownerId(), l.ownerTeam(),
                    null, l.productLine(), l.stage(), LOST, l.amount(), l.currency(), null, dayOf(l.occurredAt()),
                    l.reason(), l.competitor(), null);
        }
        return null;
    }

    /**
     * Status: WON or LOST when the event closes the deal; otherwise WON in stage WON, still LOST
     * once lost, else OPEN (a deal moved back out of WON is open again, its closing day cleared).
     */
    private Uni<Void> upsert(Change c) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO opportunity_replica AS r (opportunity_id, aggregate_version, customer_id, owner_id,
                            owner_team, name, product_line, stage, status, amount, currency, expected_close_date,
                            closed_on, lost_reason, lost_competitor, probability)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?9 AS text),
                            coalesce(CAST(?10 AS text), CASE WHEN CAST(?9 AS text) = 'WON' THEN 'WON' ELSE 'OPEN' END),
                            ?11, ?12, ?13, ?14, ?15, ?16, ?17)
                        ON CONFLICT (opportunity_id) DO UPDATE SET
                            aggregate_version = excluded.aggregate_version,
                            customer_id = coalesce(excluded.customer_id, r.customer_id),
                            owner_id = excluded.owner_id, owner_team = excluded.owner_team,
                            name = coalesce(excluded.name, r.name),
                            product_line = coalesce(excluded.product_line, r.product_line),
                            stage = excluded.stage,
                            status = CASE WHEN CAST(?10 AS text) IS NOT NULL THEN CAST(?10 AS text)
                                          WHEN excluded.stage = 'WON' THEN 'WON'
                                          WHEN r.status = 'LOST' THEN 'LOST' ELSE 'OPEN' END,
                            amount = coalesce(excluded.amount, r.amount),
                            currency = coalesce(excluded.currency, r.currency),
                            expected_close_date = coalesce(excluded.expected_close_date, r.expected_close_date),
                            closed_on = CASE WHEN CAST(?10 AS text) IS NULL AND excluded.stage <> 'WON'
                                                  AND r.status <> 'LOST' THEN NULL
                                             ELSE coalesce(excluded.closed_on, r.closed_on) END,
                            lost_reason = coalesce(excluded.lost_reason, r.lost_reason),
                            lost_competitor = coalesce(excluded.lost_competitor, r.lost_competitor),
                            probability = coalesce(excluded.probability, r.probability)
                        WHERE r.aggregate_version < excluded.aggregate_version
                           OR (CAST(?8 AS boolean) AND r.aggregate_version = excluded.aggregate_version)""")
                .setParameter(1, c.id())
                .setParameter(2, c.version())
                .setParameter(3, c.customerId())
                .setParameter(4, c.ownerId())
                .setParameter(5, c.ownerTeam())
                .setParameter(6, c.name())
                .setParameter(7, c.productLine())
                .setParameter(8, c.sameVersionApplies())
                .setParameter(9, c.stage())
                .setParameter(10, c.closedStatus())
                .setParameter(11, c.amount())
                .setParameter(12, c.currency())
                .setParameter(13, c.expectedCloseDate())
                .setParameter(14, c.closedOn())
                .setParameter(15, c.lostReason())
                .setParameter(16, c.lostCompetitor())
                .setParameter(17, c.probability())
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Kept whatever the event's version: the deal really was expected then, which is what slipping means. */
    private Uni<Void> rememberCloseDate(UUID opportunityId, LocalDate expectedCloseDate) {
        if (expectedCloseDate == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO opportunity_close_date (opportunity_id, expected_close_date) VALUES (?1, ?2)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, opportunityId)
                .setParameter(2, expectedCloseDate)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** A deal as a reference sees it: whose customer's it is, and whose it is. */
    public record Owned(UUID opportunityId, UUID customerId, String ownerId, String ownerTeam) {
    }

    /** Those of {@code opportunityIds} known here and not deleted (nor their customer). Needs an open session. */
    public Uni<List<Owned>> live(Collection<UUID> opportunityIds) {
        if (opportunityIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> NativeQueries.rows(session, """
                        SELECT o.opportunity_id, o.customer_id, o.owner_id, o.owner_team FROM opportunity_replica o
                        WHERE o.opportunity_id = ANY (CAST(?1 AS uuid[])) AND NOT\s"""
                                + ArchivedRecords.archivedDeal("o"),
                        NativeQueries.array(opportunityIds, UUID.class)))
                .map(rows -> rows.stream().map(row -> new Owned(row.uuid("opportunity_id"), row.uuid("customer_id"),
                        row.text("owner_id"), row.text("owner_team"))).toList());
    }

    private LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, businessZone);
    }
}
