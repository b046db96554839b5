package org.salescrm.analytics.customers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.customer.CustomerCreated;

/** Applies customer events to the materialised customer and the owner's daily activity. Runs inside the inbox's transaction. */
@ApplicationScoped
public class CustomerFacts {

    private final CustomerFactRepository facts;
    private final ZoneId businessZone;

    public CustomerFacts(CustomerFactRepository facts, Clock clock) {
        this.facts = facts;
        this.businessZone = clock.getZone();
    }

    public Uni<Void> apply(DomainEvent event) {
        if (event instanceof CustomerCreated created) {
            return record(created).chain(applied -> applied ? countNewCustomer(created) : Uni.createFrom().voidItem());
        }
        return Uni.createFrom().voidItem();
    }

    /** True when the event was newer than what is held, and so was applied. */
    private Uni<Boolean> record(CustomerCreated created) {
        return facts.findById(created.aggregateId()).chain(existing -> {
            if (existing != null && existing.aggregateVersion >= created.aggregateVersion()) {
                return Uni.createFrom().item(false);
            }
            CustomerFact fact = existing != null ? existing : new CustomerFact();
            fact.customerId = created.aggregateId();
            fact.name = created.name();
            fact.grade = created.grade();
            fact.ownerId = created.ownerId();
            fact.ownerTeam = created.ownerTeam();
            fact.createdAt = created.occurredAt();
            fact.aggregateVersion = created.aggregateVersion();
            return facts.persist(fact).replaceWith(true);
        });
    }

    /** New customers count for the business day they were created on, in the business time zone. */
    private Uni<Void> countNewCustomer(CustomerCreated created) {
        if (created.ownerId() == null) {
            return Uni.createFrom().voidItem();
        }
        LocalDate day = LocalDate.ofInstant(created.occurredAt(), businessZone);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO rep_activity (owner_id, day, owner_team, new_customers) VALUES (?1, ?2, ?3, 1)
                        ON CONFLICT (owner_id, day) DO UPDATE SET new_customers = rep_activity.new_customers + 1""")
                .setParameter(1, created.ownerId())
                .setParameter(2, day)
                .setParameter(3, created.ownerTeam())
                .executeUpdate())
                .replaceWithVoid();
    }
}
