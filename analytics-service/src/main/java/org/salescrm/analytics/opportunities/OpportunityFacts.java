package org.salescrm.analytics.opportunities;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.salescrm.analytics.Sql;
import org.salescrm.analytics.activity.RepActivity;
import org.salescrm.analytics.state.Rounds;
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

    /**
     * A round of the batch ({@link Rounds}): opened, moved and edited deals with one upsert per kind of change and
     * one insert of their moves; won and lost deals (rarer, and counted for the rep) one by one.
     */
    public Uni<Void> apply(List<DomainEvent> round) {
        List<Upsert> moves = new ArrayList<>();
        List<Upsert> edits = new ArrayList<>();
        List<Transition> transitions = new ArrayList<>();
        for (DomainEvent event : round) {
            if (event instanceof OpportunityOpened e) {
                Instant opened = openedAt(e);
                String stage = e.stage() == null ? "TARGET" : e.stage();
                moves.add(new Upsert(e, e.customerId(), e.name(), stage, OPEN, opened, e.amount(), e.currency(),
                        e.productLine(), e.expectedCloseDate(), e.probability()));
                transitions.add(new Transition(e, null, stage, false, opened));
            } else if (event instanceof OpportunityStageChanged e) {
                moves.add(new Upsert(e, e.customerId(), null, e.toStage(), WON.equals(e.toStage()) ? WON : OPEN,
                        e.occurredAt(), e.amount(), e.currency(), e.productLine(), e.expectedCloseDate(),
                        e.probability()));
                transitions.add(new Transition(e, e.fromStage(), e.toStage(), e.backward(), e.occurredAt()));
            } else if (event instanceof OpportunityUpdated e) {
                edits.add(new Upsert(e, e.customerId(), e.name(), e.stage(), null, e.occurredAt(), e.amount(),
                        e.currency(), e.productLine(), e.expectedCloseDate(), e.probability()));
            }
        }
        return upsert(moves, true).chain(() -> upsert(edits, false))
                .chain(() -> wonAt(moves.stream().filter(u -> WON.equals(u.status())).toList()))
                .chain(() -> transitions(transitions))
                .chain(() -> Sql.each(round.stream().filter(e -> e instanceof OpportunityWon
                        || e instanceof OpportunityLost).toList(), this::closed));
    }

    private Uni<Void> closed(DomainEvent event) {
        if (event instanceof OpportunityWon e) {
            return won(e);
        }
        OpportunityLost e = (OpportunityLost) event;
        return lost(e).chain(() -> transitions(List.of(new Transition(e, e.stage(), LOST, false, e.occurredAt()))));
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
     * An opportunity as an event states it. With {@code moves} the event moved it into {@code stage} at
     * {@code at}; without, {@code at} is only when it was seen (its opening, should it be the first event).
     */
    private record Upsert(DomainEvent event, UUID customerId, String name, String stage, String status, Instant at,
                          BigDecimal amount, String currency, String productLine, LocalDate expectedClose,
                          int probability) {
    }

    private record Transition(DomainEvent event, String from, String to, boolean backward, Instant at) {
    }

    /**
     * Inserts or, for a newer version, updates the opportunities. With {@code moves} the events moved them into
     * their stage then; without, stage entry and status stay as they were.
     */
    private Uni<Void> upsert(List<Upsert> rows, boolean moves) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Sql.update("""
                        INSERT INTO opportunity_fact (opportunity_id, customer_id, name, stage, status, stage_entered_at,
                            last_activity_at, amount, currency, product_line, expected_close_date, probability,
                            owner_id, owner_team, opened_at, aggregate_version)
                        SELECT d.id, d.customer_id, d.name, d.stage, d.status, d.at, d.at, d.amount, d.currency,
                               d.product_line, d.expected_close, d.probability, d.owner_id, d.owner_team, d.at, d.version
                        FROM unnest(CAST(?1 AS uuid[]),
                                CAST(?2 AS uuid[]),
                                CAST(?3 AS text[]),
                                CAST(?4 AS text[]),
                                CAST(?5 AS text[]),
                                CAST(CAST(?6 AS text[]) AS timestamptz[]),
                                CAST(?7 AS numeric[]),
                                CAST(?8 AS text[]),
                                CAST(?9 AS text[]),
                                CAST(?10 AS date[]),
                                CAST(?11 AS int[]),
                                CAST(?12 AS text[]),
                                CAST(?13 AS text[]),
                                CAST(?14 AS bigint[]))
                             AS d(id, customer_id, name, stage, status, at, amount, currency, product_line,
                                  expected_close, probability, owner_id, owner_team, version)
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
                Sql.array(rows, UUID.class, u -> u.event().aggregateId()),
                Sql.array(rows, UUID.class, Upsert::customerId),
                Sql.array(rows, String.class, Upsert::name),
                Sql.array(rows, String.class, u -> u.stage() == null ? "TARGET" : u.stage()),
                Sql.array(rows, String.class, u -> u.status() == null ? OPEN : u.status()),
                Sql.instants(rows, Upsert::at),
                Sql.array(rows, BigDecimal.class, u -> u.amount() == null ? BigDecimal.ZERO : u.amount()),
                Sql.array(rows, String.class, Upsert::currency),
                Sql.array(rows, String.class, Upsert::productLine),
                Sql.array(rows, LocalDate.class, Upsert::expectedClose),
                Sql.array(rows, Integer.class, Upsert::probability),
                Sql.array(rows, String.class, u -> u.event().ownerId()),
                Sql.array(rows, String.class, u -> u.event().ownerTeam()),
                Sql.array(rows, Long.class, u -> u.event().aggregateVersion()), moves)
                .replaceWithVoid();
    }

    /** A move to WON keeps the first time it was won (an older won_at is not overwritten by a later move). */
    private Uni<Void> wonAt(List<Upsert> won) {
        if (won.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Sql.update("""
                        UPDATE opportunity_fact o SET won_at = COALESCE(o.won_at, d.at)
                        FROM unnest(CAST(?1 AS uuid[]),
                                CAST(CAST(?2 AS text[]) AS timestamptz[])) AS d(id, at)
                        WHERE o.opportunity_id = d.id""",
                Sql.array(won, UUID.class, u -> u.event().aggregateId()),
                Sql.instants(won, Upsert::at)).replaceWithVoid();
    }

    /** History rows are keyed by version, so a redelivered or late move is recorded once, in its place. */
    private Uni<Void> transitions(List<Transition> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Sql.update("""
                        INSERT INTO stage_transition (opportunity_id, aggregate_version, from_stage, to_stage, backward,
                                                      occurred_at, owner_id, owner_team)
                        SELECT * FROM unnest(CAST(?1 AS uuid[]),
                                CAST(?2 AS bigint[]),
                                CAST(?3 AS text[]),
                                CAST(?4 AS text[]),
                                CAST(?5 AS boolean[]),
                                CAST(CAST(?6 AS text[]) AS timestamptz[]),
                                CAST(?7 AS text[]),
                                CAST(?8 AS text[]))
                        ON CONFLICT DO NOTHING""",
                Sql.array(rows, UUID.class, t -> t.event().aggregateId()),
                Sql.array(rows, Long.class, t -> t.event().aggregateVersion()),
                Sql.array(rows, String.class, Transition::from), Sql.array(rows, String.class, Transition::to),
                Sql.array(rows, Boolean.class, Transition::backward),
                Sql.instants(rows, Transition::at), Sql.array(rows, String.class, t -> t.event().ownerId()),
                Sql.array(rows, String.class, t -> t.event().ownerTeam())).replaceWithVoid();
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
