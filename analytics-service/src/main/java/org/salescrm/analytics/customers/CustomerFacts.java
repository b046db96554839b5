package org.salescrm.analytics.customers;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.salescrm.analytics.Sql;
import org.salescrm.analytics.activity.RepActivity;
import org.salescrm.analytics.state.Rounds;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.events.customer.CustomerOwnerChanged;
import org.salescrm.events.customer.CustomerReclaimWarning;
import org.salescrm.events.customer.CustomerUpdated;
import org.salescrm.events.customer.DecisionMakerLost;
import org.salescrm.events.customer.KeyPersonAdded;
import org.salescrm.events.customer.KeyPersonLeft;
import org.salescrm.events.customer.KeyPersonUpdated;

/**
 * Applies crm.customers to {@code customer_fact} and {@code key_person_fact}. Runs inside the inbox's
 * transaction. Each upsert applies only a newer aggregate version than the one held.
 */
@ApplicationScoped
public class CustomerFacts {

    private final RepActivity activity;

    public CustomerFacts(RepActivity activity) {
        this.activity = activity;
    }

    /**
     * A round of the batch ({@link Rounds}): the customers' own events (created, updated, owner changed) with a
     * statement per table, the rarer key-person and reclaim-warning events one by one.
     */
    public Uni<Void> apply(List<DomainEvent> round) {
        List<Version> versions = new ArrayList<>();
        for (DomainEvent event : round) {
            if (event instanceof CustomerCreated e) {
                versions.add(new Version(e, e.name(), e.grade()));
            } else if (event instanceof CustomerUpdated e) {
                versions.add(new Version(e, e.name(), e.grade()));
            } else if (event instanceof CustomerOwnerChanged e) {
                versions.add(new Version(e, e.name(), e.grade()));
            }
        }
        return customers(versions, Rounds.only(round, CustomerCreated.class))
                .chain(() -> Sql.each(round.stream().filter(e -> !(e instanceof CustomerCreated
                        || e instanceof CustomerUpdated || e instanceof CustomerOwnerChanged)).toList(), this::other));
    }

    /** A version of a customer: the grade and owner it had then (no grade: C). */
    private record Version(DomainEvent event, String name, String grade) {

        String gradeOrC() {
            return grade == null ? "C" : grade;
        }
    }

    /** A new customer counts for its owner's day when its row is first written (not for a redelivered creation). */
    private Uni<Void> customers(List<Version> versions, List<CustomerCreated> created) {
        if (versions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return versions(versions).chain(() -> upsert(versions))
                .call(() -> created.isEmpty() ? Uni.createFrom().voidItem() : Sql.update("""
                                UPDATE customer_fact c SET created_at = LEAST(c.created_at, d.at)
                                FROM unnest(CAST(?1 AS uuid[]),
                                        CAST(CAST(?2 AS text[]) AS timestamptz[])) AS d(id, at)
                                WHERE c.customer_id = d.id""",
                        Sql.array(created, UUID.class, CustomerCreated::aggregateId),
                        Sql.instants(created, CustomerCreated::occurredAt)))
                .chain(applied -> activity.addAll(created.stream().filter(e -> applied.contains(e.aggregateId()))
                        .map(e -> new RepActivity.Entry(e.aggregateId(), e.aggregateId(), e.ownerId(), e.ownerTeam(),
                                activity.businessDay(e.occurredAt()), RepActivity.Delta.newCustomer()))
                        .toList()));
    }

    private Uni<Void> other(DomainEvent event) {
        if (event instanceof KeyPersonAdded e) {
            return keyPerson(e, e.customerId(), e.kpType(), true, null);
        }
        if (event instanceof KeyPersonUpdated e) {
            return keyPerson(e, e.customerId(), e.kpType(), true, null);
        }
        if (event instanceof KeyPersonLeft e) {
            return keyPerson(e, e.customerId(), e.kpType(), false, e.occurredAt())
                    .chain(() -> e.wasDecisionMaker() && e.activeDecisionMakersLeft() == 0
                            ? decisionMakerLeft(e.customerId(), e.occurredAt()) : Uni.createFrom().voidItem());
        }
        if (event instanceof CustomerReclaimWarning e) {
            return reclaimWarning(e);
        }
        if (event instanceof DecisionMakerLost e) {
            return decisionMakerLeft(e.aggregateId(), e.occurredAt());
        }
        return Uni.createFrom().voidItem();
    }

    /** Keeps the grade and owner as of each version, whatever order versions arrive in (figures read the past). */
    private Uni<Void> versions(List<Version> versions) {
        return Sql.update("""
                        INSERT INTO customer_version (customer_id, aggregate_version, occurred_at, grade, owner_id,
                                                      owner_team)
                        SELECT * FROM unnest(CAST(?1 AS uuid[]),
                                CAST(?2 AS bigint[]),
                                CAST(CAST(?3 AS text[]) AS timestamptz[]),
                                CAST(?4 AS text[]),
                                CAST(?5 AS text[]),
                                CAST(?6 AS text[]))
                        ON CONFLICT DO NOTHING""",
                Sql.array(versions, UUID.class, v -> v.event().aggregateId()),
                Sql.array(versions, Long.class, v -> v.event().aggregateVersion()),
                Sql.instants(versions, v -> v.event().occurredAt()),
                Sql.array(versions, String.class, Version::gradeOrC),
                Sql.array(versions, String.class, v -> v.event().ownerId()),
                Sql.array(versions, String.class, v -> v.event().ownerTeam()))
                .replaceWithVoid();
    }

    /** The customers whose event was newer than what is held, and so was applied. */
    private Uni<Set<UUID>> upsert(List<Version> versions) {
        return Sql.rows("""
                        INSERT INTO customer_fact (customer_id, name, grade, owner_id, owner_team, created_at,
                                                   aggregate_version)
                        SELECT * FROM unnest(CAST(?1 AS uuid[]),
                                CAST(?2 AS text[]),
                                CAST(?3 AS text[]),
                                CAST(?4 AS text[]),
                                CAST(?5 AS text[]),
                                CAST(CAST(?6 AS text[]) AS timestamptz[]),
                                CAST(?7 AS bigint[]))
                        ON CONFLICT (customer_id) DO UPDATE SET
                            name = EXCLUDED.name, grade = EXCLUDED.grade, owner_id = EXCLUDED.owner_id,
                            owner_team = EXCLUDED.owner_team, aggregate_version = EXCLUDED.aggregate_version
                        WHERE customer_fact.aggregate_version < EXCLUDED.aggregate_version
                        RETURNING customer_id""",
                Sql.array(versions, UUID.class, v -> v.event().aggregateId()),
                Sql.array(versions, String.class, v -> v.name() == null ? "" : v.name()),
                Sql.array(versions, String.class, Version::gradeOrC),
                Sql.array(versions, String.class, v -> v.event().ownerId()),
                Sql.array(versions, String.class, v -> v.event().ownerTeam()),
                Sql.instants(versions, v -> v.event().occurredAt()),
                Sql.array(versions, Long.class, v -> v.event().aggregateVersion()))
                .map(rows -> rows.stream().map(r -> r.uuid("customer_id")).collect(Collectors.toSet()));
    }

    private Uni<Void> keyPerson(DomainEvent e, UUID customerId, String kpType, boolean active, Instant leftAt) {
        return Sql.update("""
                        INSERT INTO key_person_fact (key_person_id, customer_id, kp_type, active, left_at, aggregate_version)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (key_person_id) DO UPDATE SET
                            kp_type = COALESCE(EXCLUDED.kp_type, key_person_fact.kp_type), active = EXCLUDED.active,
                            left_at = EXCLUDED.left_at, aggregate_version = EXCLUDED.aggregate_version
                        WHERE key_person_fact.aggregate_version < EXCLUDED.aggregate_version""",
                e.aggregateId(), customerId, kpType, active, Sql.at(leftAt), e.aggregateVersion()).replaceWithVoid();
    }

    /** The latest departure wins, whichever event about it arrives first. */
    private Uni<Void> decisionMakerLeft(UUID customerId, Instant at) {
        return Sql.update("""
                        UPDATE customer_fact SET decision_maker_left_at = GREATEST(decision_maker_left_at, ?2)
                        WHERE customer_id = ?1""", customerId, Sql.at(at)).replaceWithVoid();
    }

    /**
     * The latest warning wins. It repeats the customer's version (it changes no state), so it is
     * applied by event id through the inbox, never by version.
     */
    private Uni<Void> reclaimWarning(CustomerReclaimWarning e) {
        return Sql.update("""
                        UPDATE customer_fact SET reclaim_warned_at = ?2, reclaim_warned_owner = ?3, reclaim_on = ?4,
                                                 reclaim_days_silent = ?5
                        WHERE customer_id = ?1 AND (reclaim_warned_at IS NULL OR reclaim_warned_at < ?2)""",
                e.aggregateId(), Sql.at(e.occurredAt()), e.ownerId(), e.reclaimOn(), e.daysSilent())
                .replaceWithVoid();
    }
}
