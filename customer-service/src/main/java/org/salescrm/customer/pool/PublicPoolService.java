package org.salescrm.customer.pool;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.customer.customer.Customer;
import org.salescrm.customer.customer.CustomerRepository;
import org.salescrm.customer.history.CustomerHistory;
import org.salescrm.platform.database.AdvisoryLocks;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.security.Visibility;

/** Claiming from and releasing to the public pool (公海). */
@ApplicationScoped
public class PublicPoolService {

    private final CustomerRepository customers;
    private final CustomerHistory history;
    private final OwnerChanges owners;
    private final PoolConfig config;
    private final Clock clock;

    public PublicPoolService(CustomerRepository customers, CustomerHistory history, OwnerChanges owners,
                             PoolConfig config, Clock clock) {
        this.customers = customers;
        this.history = history;
        this.owners = owners;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The caller takes a customer from the pool. 404, as for a customer that does not exist, when
     * it is someone else's out of the caller's reach; 409 when it is not in the pool but the caller
     * may see it (their own, their team's), when the caller holds the cap already, or when the
     * caller let it go (released or reclaimed) within the cooldown. A per-rep advisory lock makes the count and
     * the claim one step, so parallel claims of one rep cannot pass the cap together; the row lock
     * makes two reps' claims of one customer run one after the other.
     */
    @WithTransaction
    public Uni<Customer> claim(UUID id, Caller caller) {
        return lockClaimsOf(caller.id())
                .chain(() -> customers.lock(id))
                .onItem().ifNull().failWith(() -> Problems.notFound("customer", id))
                .call(c -> c.inPool() || caller.canSee(c.ownerId, c.ownerTeam) ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(Problems.notFound("customer", id)))
                .call(c -> c.inPool() ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(Problems.conflict("not-in-pool", "not-in-pool")))
                .call(c -> checkCooldown(c, caller))
                .call(c -> checkCap(caller))
                .chain(c -> owners.move(c, OwnerMove.claim(caller.id(), caller.team())));
    }

    /** The owner (or their manager, or an admin) puts the customer back in the pool. */
    @WithTransaction
    public Uni<Customer> release(UUID id, String reason, Caller caller) {
        return customers.lockVisible(id, Visibility.of(caller).or("ownerId is null"))
                .onItem().ifNull().failWith(() -> Problems.notFound("customer", id))
                .call(c -> c.inPool()
                        ? Uni.createFrom().failure(Problems.conflict("already-in-pool", "already-in-pool"))
                        : Uni.createFrom().voidItem())
                .chain(c -> owners.move(c, OwnerMove.release(reason, caller.id())));
    }

    private Uni<Void> lockClaimsOf(String rep) {
        return AdvisoryLocks.holdUntilCommit("customer-service.claims-of." + rep);
    }

    private Uni<Void> checkCooldown(Customer c, Caller caller) {
        return history.lastPoolExit(c.id, caller.id()).chain(left -> {
            if (left == null) {
                return Uni.createFrom().voidItem();
            }
            Instant until = left.plus(config.cooldown());
            if (!clock.instant().isBefore(until)) {
                return Uni.createFrom().voidItem();
            }
            LocalDate day = LocalDate.ofInstant(until, clock.getZone());
            return Uni.createFrom().failure(Problems.conflict("claim-cooldown", "claim-cooldown",
                    config.reclaimCooldownDays(), day).with("claimableFrom", until));
        });
    }

    private Uni<Void> checkCap(Caller caller) {
        return customers.countOwnedBy(caller.id()).chain(held -> held < config.maxCustomersPerRep()
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(Problems.conflict("claim-cap-reached", "claim-cap-reached",
                        config.maxCustomersPerRep()).with("maxCustomers", config.maxCustomersPerRep())));
    }
}
