package org.salescrm.customer.pool;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.salescrm.customer.customer.Customer;
import org.salescrm.customer.customer.CustomerRepository;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.security.Visibility;

/** Managers hand customers on (跟单员转换): one at a time, or all of a leaving rep's at once. */
@ApplicationScoped
public class TransferService {

    private final CustomerRepository customers;
    private final OwnerChanges owners;

    public TransferService(CustomerRepository customers, OwnerChanges owners) {
        this.customers = customers;
        this.owners = owners;
    }

    /**
     * A manager moves a customer of their teams (or one from the pool) to a rep of their teams; an
     * admin anywhere. The open opportunities go with it.
     */
    @WithTransaction
    public Uni<Customer> transfer(UUID id, TransferRequest request, Caller caller) {
        checkTeam(request.toTeam(), caller);
        return customers.lockVisible(id, Visibility.of(caller).or("ownerId is null"))
                .onItem().ifNull().failWith(() -> Problems.notFound("customer", id))
                .invoke(c -> {
                    if (Objects.equals(c.ownerId, request.toOwnerId()) && Objects.equals(c.ownerTeam, request.toTeam())) {
                        throw Problems.conflict("already-owner", "already-owner", request.toOwnerId());
                    }
                })
                .chain(c -> owners.move(c, OwnerMove.transfer(request.toOwnerId(), request.toTeam(),
                        request.reason(), caller.id())));
    }

    /**
     * Every customer of one rep within the caller's reach goes to another, in one transaction: all
     * move, or none does. Returns how many moved.
     */
    @WithTransaction
    public Uni<Integer> transferAll(BulkTransferRequest request, Caller caller) {
        checkTeam(request.toTeam(), caller);
        if (request.fromOwnerId().equals(request.toOwnerId())) {
            throw Problems.ruleViolated("validation",
                    List.of(new FieldViolation("toOwnerId", "different", "must differ from fromOwnerId")),
                    "validation", "toOwnerId");
        }
        OwnerMove move = OwnerMove.transfer(request.toOwnerId(), request.toTeam(), request.reason(), caller.id());
        return customers.lockAllOf(request.fromOwnerId(), Visibility.of(caller)).chain(held -> {
            Uni<Void> moved = Uni.createFrom().voidItem();
            for (Customer c : held) {
                moved = moved.chain(() -> owners.move(c, move).replaceWithVoid());
            }
            return moved.replaceWith(held.size());
        });
    }

    /** A manager hands customers only to their own teams. */
    private static void checkTeam(String toTeam, Caller caller) {
        if (!caller.isAdmin() && !caller.visibleTeams().contains(toTeam)) {
            throw Problems.forbidden("transfer-outside-teams", toTeam);
        }
    }
}
