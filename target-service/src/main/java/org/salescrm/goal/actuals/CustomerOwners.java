package org.salescrm.goal.actuals;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.events.customer.CustomerDeleted;
import org.salescrm.events.customer.CustomerOwnerChanged;
import org.salescrm.events.customer.CustomerRestored;
import org.salescrm.events.customer.CustomerUpdated;
import org.salescrm.platform.database.NativeQueries;

/**
 * Who owns each customer, as the newest of its events said: a review's action may name only a customer its
 * manager may see. Whether the customer is deleted is {@link ArchivedRecords}' to say.
 */
@ApplicationScoped
public class CustomerOwners {

    /** A customer's owner and team; a customer in the public pool has neither. */
    public record Owner(UUID customerId, String ownerId, String ownerTeam) {
    }

    /**
     * Inside the inbox's transaction, one statement however many events: a customer's row takes its newest
     * event's owner, and an event older than the one held changes nothing.
     */
    public Uni<Void> remember(List<DomainEvent> events) {
        // in customer order, so that two batches naming the same customers lock their rows in the same order
        Map<UUID, DomainEvent> newest = new TreeMap<>();
        for (DomainEvent event : events) {
            if (carriesOwner(event)) {
                newest.merge(event.aggregateId(), event,
                        (held, next) -> next.aggregateVersion() > held.aggregateVersion() ? next : held);
            }
        }
        if (newest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> NativeQueries.update(session, """
                        INSERT INTO customer_owner (customer_id, owner_id, owner_team, aggregate_version)
                        SELECT * FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS text[]),
                                CAST(?3 AS text[]), CAST(?4 AS bigint[]))
                                AS u(customer_id, owner_id, owner_team, aggregate_version)
                        -- an upsert locks the row it conflicts with even when its WHERE then refuses it
                        WHERE NOT EXISTS (SELECT 1 FROM customer_owner c WHERE c.customer_id = u.customer_id
                                          AND c.aggregate_version >= u.aggregate_version)
                        ON CONFLICT (customer_id) DO UPDATE SET owner_id = excluded.owner_id,
                            owner_team = excluded.owner_team, aggregate_version = excluded.aggregate_version
                        WHERE customer_owner.aggregate_version < excluded.aggregate_version""",
                        NativeQueries.array(newest.values(), UUID.class, DomainEvent::aggregateId),
                        NativeQueries.array(newest.values(), String.class, DomainEvent::ownerId),
                        NativeQueries.array(newest.values(), String.class, DomainEvent::ownerTeam),
                        NativeQueries.array(newest.values(), Long.class, DomainEvent::aggregateVersion)))
                .replaceWithVoid();
    }

    /** Those of {@code customerIds} known here and not deleted, with their owners. Needs an open session. */
    public Uni<List<Owner>> live(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> NativeQueries.rows(session, """
                        SELECT c.customer_id, c.owner_id, c.owner_team FROM customer_owner c
                        WHERE c.customer_id = ANY (CAST(?1 AS uuid[]))
                          AND NOT EXISTS (SELECT 1 FROM archived_record x
                                          WHERE x.archived AND x.record_id = c.customer_id)""",
                        NativeQueries.array(customerIds, UUID.class)))
                .map(rows -> rows.stream().map(row -> new Owner(row.uuid("customer_id"), row.text("owner_id"),
                        row.text("owner_team"))).toList());
    }

    private static boolean carriesOwner(DomainEvent event) {
        return event instanceof CustomerCreated || event instanceof CustomerUpdated
                || event instanceof CustomerOwnerChanged || event instanceof CustomerDeleted
                || event instanceof CustomerRestored;
    }
}
