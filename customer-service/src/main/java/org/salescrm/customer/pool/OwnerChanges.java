package org.salescrm.customer.pool;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.salescrm.customer.customer.Customer;
import org.salescrm.customer.customer.CustomerRepository;
import org.salescrm.customer.history.CustomerHistory;
import org.salescrm.customer.opportunity.OpportunityOwnership;
import org.salescrm.events.EventIds;
import org.salescrm.events.customer.CustomerOwnerChanged;
import org.salescrm.platform.outbox.Outbox;

/**
 * Moves a customer to a new owner (or the pool) inside the caller's transaction: the customer,
 * its history entry, its CustomerOwnerChanged and, where the move says so, its open opportunities
 * commit together or not at all.
 */
@ApplicationScoped
public class OwnerChanges {

    private final CustomerRepository customers;
    private final CustomerHistory history;
    private final OpportunityOwnership opportunities;
    private final Outbox outbox;
    private final Clock clock;

    public OwnerChanges(CustomerRepository customers, CustomerHistory history, OpportunityOwnership opportunities,
                        Outbox outbox, Clock clock) {
        this.customers = customers;
        this.history = history;
        this.opportunities = opportunities;
        this.outbox = outbox;
        this.clock = clock;
    }

    Uni<Customer> move(Customer c, OwnerMove move) {
        String fromOwnerId = c.ownerId;
        String fromTeam = c.ownerTeam;
        Instant now = clock.instant();
        c.ownerId = move.toOwnerId();
        c.ownerTeam = move.toTeam();
        // A new owner starts a new silence; a warning given to the previous one is spent.
        c.ownerSince = now;
        c.reclaimWarnedFor = null;
        c.updatedAt = now;
        // The flush bumps the version, which the event then carries.
        return customers.flush()
                .chain(() -> history.ownerChanged(c.id, now, move.by(), move.historyChange(), fromOwnerId, fromTeam,
                        move.toOwnerId(), move.toTeam(), move.reason()))
                .chain(() -> outbox.append(new CustomerOwnerChanged(EventIds.next(), c.id, c.version, c.ownerId,
                        c.ownerTeam, now, fromOwnerId, fromTeam, move.eventChange(), move.reason(), move.by(), c.name,
                        c.grade)))
                .chain(() -> move.opportunitiesFollow()
                        ? opportunities.followCustomer(c.id, move.toOwnerId(), move.toTeam(), move.by()).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .replaceWith(c);
    }
}
