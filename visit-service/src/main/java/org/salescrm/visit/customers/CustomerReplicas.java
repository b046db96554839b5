package org.salescrm.visit.customers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.events.customer.CustomerDeleted;
import org.salescrm.events.customer.CustomerOwnerChanged;
import org.salescrm.events.customer.CustomerRestored;
import org.salescrm.events.customer.CustomerUpdated;
import org.salescrm.visit.followup.FollowUpReassignment;

/**
 * Keeps the replica of who owns which customer, and of its key persons. Runs inside the inbox's
 * transaction; an owner change that is applied moves the customer's open follow-ups with it.
 */
@ApplicationScoped
public class CustomerReplicas {

    /**
     * One statement, so two deliveries racing cannot both win: a row is written only when the
     * event is newer than what is held, and an older or repeated event changes nothing.
     */
    private static final String UPSERT = """
            INSERT INTO customer_replica (customer_id, name, grade, owner_id, owner_team, aggregate_version, archived)
            VALUES (?1, CAST(?2 AS TEXT), CAST(?3 AS TEXT), CAST(?4 AS TEXT), CAST(?5 AS TEXT), ?6,
                    COALESCE(CAST(?7 AS BOOLEAN), FALSE))
            ON CONFLICT (customer_id) DO UPDATE SET
                name = COALESCE(EXCLUDED.name, customer_replica.name),
                grade = COALESCE(EXCLUDED.grade, customer_replica.grade),
                owner_id = EXCLUDED.owner_id,
                owner_team = EXCLUDED.owner_team,
                aggregate_version = EXCLUDED.aggregate_version,
                archived = COALESCE(CAST(?7 AS BOOLEAN), customer_replica.archived)
            WHERE customer_replica.aggregate_version < EXCLUDED.aggregate_version""";

    private final KeyPersonReplicas keyPersons;
    private final FollowUpReassignment followUps;
    private final Clock clock;

    public CustomerReplicas(KeyPersonReplicas keyPersons, FollowUpReassignment followUps, Clock clock) {
        this.keyPersons = keyPersons;
        this.followUps = followUps;
        this.clock = clock;
    }

    public Uni<Void> apply(DomainEvent event) {
        if (event instanceof CustomerCreated e) {
            return upsert(e, e.name(), e.grade(), null).replaceWithVoid();
        }
        if (event instanceof CustomerUpdated e) {
            return upsert(e, e.name(), e.grade(), null).replaceWithVoid();
        }
        if (event instanceof CustomerDeleted e) {
            // its follow-ups stay as they are: hidden with the customer, back with it when restored
            return upsert(e, e.name(), null, Boolean.TRUE).replaceWithVoid();
        }
        if (event instanceof CustomerRestored e) {
            return upsert(e, e.name(), e.grade(), Boolean.FALSE).replaceWithVoid();
        }
        if (event instanceof CustomerOwnerChanged e) {
            // ownerId and ownerTeam are the new owner's, both null when the customer went to the pool;
            // an older change arriving late (not applied) must not move follow-ups back
            return upsert(e, e.name(), e.grade(), null)
                    .chain(applied -> applied ? followUps.followCustomer(e, clock.instant())
                            : Uni.createFrom().voidItem());
        }
        return keyPersons.apply(event);
    }

    /**
     * True when the event was newer than what was held and so was applied. {@code archived} null keeps
     * whether the customer is archived (soft-deleted in customer-service).
     */
    private static Uni<Boolean> upsert(DomainEvent event, String name, String grade, Boolean archived) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, event.aggregateId())
                        .setParameter(2, name)
                        .setParameter(3, grade)
                        .setParameter(4, event.ownerId())
                        .setParameter(5, event.ownerTeam())
                        .setParameter(6, event.aggregateVersion())
                        .setParameter(7, archived)
                        .executeUpdate())
                .map(rows -> rows > 0);
    }
}
