package org.salescrm.analytics.opportunities;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Clock;
import java.util.UUID;
import org.salescrm.analytics.Sql;
import org.salescrm.analytics.activity.RepActivity;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.customer.OpportunityLost;
import org.salescrm.events.customer.OpportunityOpened;
import org.salescrm.events.customer.OpportunityStageChanged;
import org.salescrm.events.customer.OpportunityUpdated;
import org.salescrm.events.customer.OpportunityWon;

/**
 * Applies crm.opportunities to {@code opportunity_fact} (the opportunity as it now is) and
 * {@code stage_transition} (every move, for the funnel and the team's median time per stage).
 * Inside the inbox's transaction; a fact only takes a newer version than the one it holds.
 */
@ApplicationScoped
public class OpportunityFacts {

    static final String OPEN = "OPEN";
    static final String WON = "WON";
    static final String LOST = "LOST";

    private final RepActivity activity;
    private final ZoneId businessZone;

    public OpportunityFacts(RepActivity activity, Clock clock) {
        this.activity = activity;
        this.businessZone = clock.getZone();
    }

    public Uni<Void> apply(DomainEvent event) {
        if (event instanceof OpportunityOpened e) {
            Instant opened = openedAt(e);
            return upsert(e, e.customerId(), e.name(), e.stage() == null ? "TARGET" : e.stage(), OPEN, opened,
                    e.amount(), e.currency(), e.productLine(), e.expectedCloseDate(), e.probability(), opened, true)
                    .chain(() -> transition(e, null, e.stage() == null ? "TARGET" : e.stage(), false, opened));
        }
        if (event instanceof OpportunityStageChanged e) {
            String status = WON.equals(e.toStage()) ? WON : OPEN;
            return upsert(e, e.customerId(), null, e.toStage(), status, e.occurredAt(), e.amount(), e.currency(),
                    e.productLine(), e.expectedCloseDate(), e.probability(), e.occurredAt(), true)
                    .chain(() -> transition(e, e.fromStage(), e.toStage(), e.backward(), e.occurredAt()));
        }
        if (event instanceof OpportunityUpdated e) {
            return upsert(e, e.customerId(), e.name(), e.stage(), null, null, e.amount(), e.currency(),
                    e.productLine(), e.expectedCloseDate(), e.probability(), e.occurredAt(), false);
        }
        if (event instanceof OpportunityWon e) {
            return won(e);
        }
        if (event instanceof OpportunityLost e) {
            return lost(e).chain(() -> transition(e, e.stage(), LOST, false, e.occurredAt()));
        }
        return Uni.createFrom().voidItem();
    }

    /** An imported pipeline opens in the past: an openedOn before the event's own day starts the clock then. */
    private Instant openedAt(OpportunityOpened e) {
        if (e.openedOn() == null) {
            return e.occurredAt();
        }
        boolean backdated = e.openedOn().isBefore(LocalDate.ofInstant(e.occurredAt(), businessZone));
        return backdated ? e.openedOn().atStartOfDay(businessZone).toInstant() : e.occurredAt();
    }

    /**
     * Inserts or, for a newer version, updates the opportunity. With {@code enteredAt} set the event
     * moved it into {@code stage} then; without, stage entry and status stay as they were.
     */
    private Uni<Void> upsert(DomainEvent e, UUID customerId, String name, String stage, String status,
                             Instant enteredAt, BigDecimal amount, String currency, String productLine,
                             LocalDate expectedClose, int probability, Instant seenAt, boolean moves) {
        Instant entered = enteredAt == null ? seenAt : enteredAt;
        return Sql.update("""
                        INSERT INTO opportunity_fact (opportunity_id, customer_id, name, stage, status, stage_entered_at,
                            last_activity_at, amount, currency, product_line, expected_close_date, probability,
                            owner_id, owner_team, opened_at, aggregate_version)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?6, ?14)
                        ON CONFLICT (opportunity_id) DO UPDATE SET
                            name = COALESCE(EXCLUDED.name, opportunity_fact.name),
                            stage = CASE WHEN ?15 THEN EXCLUDED.stage ELSE opportunity_fact.stage END,
                            status = CASE WHEN ?15 THEN EXCLUDED.status ELSE opportunity_fact.status END,
                            stage_entered_at = CASE WHEN ?15 THEN EXCLUDED.stage_entered_at
                                                    ELSE opportunity_fact.stage_entered_at END,
                            won_at = CASE WHEN ?15 AND EXCLUDED.status = 'WON' THEN EXCLUDED.stage_entered_at
                                          ELSE opportunity_fact.won_at END,
                            amount = COALESCE(EXCLUDED.amount, opportunity_fact.amount),
                            currency = COALESCE(EXCLUDED.currency, opportunity_fact.currency),
                            product_line = COALESCE(EXCLUDED.product_line, opportunity_fact.product_line),
                            expected_close_date = COALESCE(EXCLUDED.expected_close_date,
                                                           opportunity_fact.expected_close_date),
                            probability = EXCLUDED.probability,
                            owner_id = EXCLUDED.owner_id, owner_team = EXCLUDED.owner_team,
                            opened_at = LEAST(opportunity_fact.opened_at, EXCLUDED.opened_at),
                            aggregate_version = EXCLUDED.aggregate_version
                        WHERE opportunity_fact.aggregate_version < EXCLUDED.aggregate_version""",
                e.aggregateId(), customerId, name, stage == null ? "TARGET" : stage, status == null ? OPEN : status,
                Sql.at(entered), amount == null ? BigDecimal.ZERO : amount, currency, productLine, expectedClose,
                probability, e.ownerId(), e.ownerTeam(), e.aggregateVersion(), moves)
                .call(() -> moves && WON.equals(status)
                        ? Sql.update("UPDATE opportunity_fact SET won_at = COALESCE(won_at, ?2) WHERE opportunity_id = ?1",
                                e.aggregateId(), Sql.at(entered))
                        : Uni.createFrom().voidItem())
                .replaceWithVoid();
    }

    /** History rows are keyed by version, so a redelivered or late move is recorded once, in its place. */
    private Uni<Void> transition(DomainEvent e, String from, String to, boolean backward, Instant at) {
        return Sql.update("""
                        INSERT INTO stage_transition (opportunity_id, aggregate_version, from_stage, to_stage, backward,
                                                      occurred_at, owner_id, owner_team)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING""",
                e.aggregateId(), e.aggregateVersion(), from, to, backward, Sql.at(at), e.ownerId(), e.ownerTeam())
                .replaceWithVoid();
    }

    /**
     * OpportunityWon repeats the version of its stage change, so it applies at an equal version too;
     * won_on set once is what keeps the rep's won deals from counting a redelivery twice.
     */
    private Uni<Void> won(OpportunityWon e) {
        LocalDate wonOn = e.wonOn() != null ? e.wonOn() : activity.businessDay(e.occurredAt());
        return Sql.update("""
                        INSERT INTO opportunity_fact (opportunity_id, customer_id, stage, status, stage_entered_at,
                            last_activity_at, amount, currency, product_line, probability, owner_id, owner_team,
                            opened_at, won_at, won_on, aggregate_version)
                        VALUES (?1, ?2, 'WON', 'WON', ?3, ?3, ?4, ?5, ?6, 100, ?7, ?8, ?3, ?3, ?9, ?10)
                        ON CONFLICT (opportunity_id) DO UPDATE SET
                            stage = 'WON', status = 'WON', won_at = COALESCE(opportunity_fact.won_at, EXCLUDED.won_at),
                            won_on = EXCLUDED.won_on, amount = COALESCE(EXCLUDED.amount, opportunity_fact.amount),
                            owner_id = EXCLUDED.owner_id, owner_team = EXCLUDED.owner_team,
                            aggregate_version = GREATEST(opportunity_fact.aggregate_version, EXCLUDED.aggregate_version)
                        WHERE opportunity_fact.won_on IS NULL
                          AND opportunity_fact.aggregate_version <= EXCLUDED.aggregate_version""",
                e.aggregateId(), e.customerId(), Sql.at(e.occurredAt()),
                e.amount() == null ? BigDecimal.ZERO : e.amount(), e.currency(), e.productLine(), e.ownerId(),
                e.ownerTeam(), wonOn, e.aggregateVersion())
                .chain(rows -> rows > 0
                        ? activity.add(e.aggregateId(), e.customerId(), e.ownerId(), e.ownerTeam(), wonOn,
                                RepActivity.Delta.won(e.amount()))
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> lost(OpportunityLost e) {
        return Sql.update("""
                        INSERT INTO opportunity_fact (opportunity_id, customer_id, stage, status, stage_entered_at,
                            last_activity_at, amount, currency, product_line, probability, owner_id, owner_team,
                            opened_at, lost_at, aggregate_version)
                        VALUES (?1, ?2, ?3, 'LOST', ?4, ?4, ?5, ?6, ?7, 0, ?8, ?9, ?4, ?4, ?10)
                        ON CONFLICT (opportunity_id) DO UPDATE SET
                            status = 'LOST', lost_at = EXCLUDED.lost_at,
                            amount = COALESCE(EXCLUDED.amount, opportunity_fact.amount),
                            owner_id = EXCLUDED.owner_id, owner_team = EXCLUDED.owner_team,
                            aggregate_version = EXCLUDED.aggregate_version
                        WHERE opportunity_fact.aggregate_version < EXCLUDED.aggregate_version""",
                e.aggregateId(), e.customerId(), e.stage() == null ? "TARGET" : e.stage(), Sql.at(e.occurredAt()),
                e.amount() == null ? BigDecimal.ZERO : e.amount(), e.currency(), e.productLine(), e.ownerId(),
                e.ownerTeam(), e.aggregateVersion())
                .replaceWithVoid();
    }
}
