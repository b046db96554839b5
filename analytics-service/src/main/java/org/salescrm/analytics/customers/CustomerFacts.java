package org.salescrm.analytics.customers;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.salescrm.analytics.Sql;
import org.salescrm.analytics.activity.RepActivity;
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

    public Uni<Void> apply(DomainEvent event) {
        if (event instanceof CustomerCreated e) {
            return version(e, e.grade()).chain(() -> upsert(e, e.name(), e.grade()))
                    .call(applied -> Sql.update(
                            "UPDATE customer_fact SET created_at = LEAST(created_at, ?2) WHERE customer_id = ?1",
                            e.aggregateId(), Sql.at(e.occurredAt())))
                    .chain(applied -> applied
                            ? activity.add(e.aggregateId(), e.aggregateId(), e.ownerId(), e.ownerTeam(),
                                    activity.businessDay(e.occurredAt()), RepActivity.Delta.newCustomer())
                            : Uni.createFrom().voidItem());
        }
        if (event instanceof CustomerUpdated e) {
            return version(e, e.grade()).chain(() -> upsert(e, e.name(), e.grade())).replaceWithVoid();
        }
        if (event instanceof CustomerOwnerChanged e) {
            return version(e, e.grade()).chain(() -> upsert(e, e.name(), e.grade())).replaceWithVoid();
        }
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

    /** Keeps the grade and owner as of this version, whatever order versions arrive in (figures read the past). */
    private Uni<Void> version(DomainEvent e, String grade) {
        return Sql.update("""
                        INSERT INTO customer_version (customer_id, aggregate_version, occurred_at, grade, owner_id,
                                                      owner_team)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING""",
                e.aggregateId(), e.aggregateVersion(), Sql.at(e.occurredAt()), grade == null ? "C" : grade,
                e.ownerId(), e.ownerTeam()).replaceWithVoid();
    }

    /** True when the event was newer than what is held, and so was applied. */
    private Uni<Boolean> upsert(DomainEvent e, String name, String grade) {
        return Sql.update("""
                        INSERT INTO customer_fact (customer_id, name, grade, owner_id, owner_team, created_at,
                                                   aggregate_version)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        ON CONFLICT (customer_id) DO UPDATE SET
                            name = EXCLUDED.name, grade = EXCLUDED.grade, owner_id = EXCLUDED.owner_id,
                            owner_team = EXCLUDED.owner_team, aggregate_version = EXCLUDED.aggregate_version
                        WHERE customer_fact.aggregate_version < EXCLUDED.aggregate_version""",
                e.aggregateId(), name == null ? "" : name, grade == null ? "C" : grade, e.ownerId(), e.ownerTeam(),
                Sql.at(e.occurredAt()), e.aggregateVersion()).map(rows -> rows > 0);
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
