package org.salescrm.visit.customers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.customer.KeyPersonAdded;
import org.salescrm.events.customer.KeyPersonDeleted;
import org.salescrm.events.customer.KeyPersonLeft;
import org.salescrm.events.customer.KeyPersonRestored;
import org.salescrm.events.customer.KeyPersonUpdated;

/**
 * Keeps the replica of each customer's key persons and whether they are still there, so a visit
 * can name only people who really are key persons of its customer. Runs inside the inbox's transaction.
 */
@ApplicationScoped
public class KeyPersonReplicas {

    /**
     * Version-gated like the customer replica; an edit (active null) keeps whether the person is still
     * there, and every event but a delete or restore (archived null) whether it is archived.
     */
    private static final String UPSERT = """
            INSERT INTO key_person_replica (key_person_id, customer_id, name, active, aggregate_version, archived)
            VALUES (?1, ?2, CAST(?3 AS TEXT), COALESCE(CAST(?4 AS BOOLEAN), TRUE), ?5,
                    COALESCE(CAST(?6 AS BOOLEAN), FALSE))
            ON CONFLICT (key_person_id) DO UPDATE SET
                customer_id = EXCLUDED.customer_id,
                name = COALESCE(EXCLUDED.name, key_person_replica.name),
                active = COALESCE(CAST(?4 AS BOOLEAN), key_person_replica.active),
                aggregate_version = EXCLUDED.aggregate_version,
                archived = COALESCE(CAST(?6 AS BOOLEAN), key_person_replica.archived)
            WHERE key_person_replica.aggregate_version < EXCLUDED.aggregate_version""";

    public Uni<Void> apply(DomainEvent event) {
        if (event instanceof KeyPersonAdded e) {
            return upsert(e, e.customerId(), e.name(), Boolean.TRUE, null);
        }
        if (event instanceof KeyPersonUpdated e) {
            return upsert(e, e.customerId(), e.name(), null, null);
        }
        if (event instanceof KeyPersonLeft e) {
            return upsert(e, e.customerId(), e.name(), Boolean.FALSE, null);
        }
        if (event instanceof KeyPersonDeleted e) {
            return upsert(e, e.customerId(), e.name(), null, Boolean.TRUE);
        }
        if (event instanceof KeyPersonRestored e) {
            return upsert(e, e.customerId(), e.name(), e.active(), Boolean.FALSE);
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> upsert(DomainEvent event, java.util.UUID customerId, String name, Boolean active,
                                    Boolean archived) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, event.aggregateId())
                        .setParameter(2, customerId)
                        .setParameter(3, name)
                        .setParameter(4, active)
                        .setParameter(5, event.aggregateVersion())
                        .setParameter(6, archived)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
