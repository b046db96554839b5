package org.salescrm.visit.customers;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.security.Visibility;

/**
 * Who may work on a customer: its current owner (per the replica), the owner's manager and
 * admins. Visits and follow-ups follow the customer: when it changes owner, so does access. An
 * archived (soft-deleted) customer is nobody's to work on: it answers as one never seen.
 */
@ApplicationScoped
public class CustomerAccess {

    private final CustomerReplicaRepository replicas;

    public CustomerAccess(CustomerReplicaRepository replicas) {
        this.replicas = replicas;
    }

    /**
     * The customer when the caller may log for it; else a 422 naming {@code field}, the same
     * whether the customer is unknown or someone else's, so the answer never tells that it exists.
     */
    public Uni<CustomerReplica> requireWorkable(UUID customerId, Caller caller, String field) {
        return replicas.findById(customerId).map(customer -> {
            if (customer == null || !workable(customer, caller)) {
                throw unavailable(customerId, field);
            }
            return customer;
        });
    }

    /** A customer in the pool belongs to nobody: a visit must carry an owner. */
    public static boolean workable(CustomerReplica customer, Caller caller) {
        return !customer.archived && customer.ownerId != null && caller.canSee(customer.ownerId, customer.ownerTeam);
    }

    /**
     * An HQL condition on {@code customerIdPath}: the customer is one the caller may work on now.
     * Its parameters are {@link #scopeOf(Caller)}'s.
     */
    public static String scopeClause(Caller caller, String customerIdPath) {
        return customerIdPath + " in (select r.customerId from CustomerReplica r where r.archived = false and ("
                + scopeOf(caller).clause() + "))";
    }

    /** An HQL condition on {@code customerIdPath}: the customer is not archived (or not replicated yet). */
    public static String notArchivedClause(String customerIdPath) {
        return customerIdPath + " not in (select a.customerId from CustomerReplica a where a.archived = true)";
    }

    public static Visibility scopeOf(Caller caller) {
        return Visibility.of(caller, "r.ownerId", "r.ownerTeam");
    }

    /** Unknown here (not yet replicated, or never created) and out of reach read the same. */
    public static ProblemException unavailable(UUID customerId, String field) {
        return Problems.ruleViolated("customer-unavailable",
                List.of(new FieldViolation(field, "workable",
                        "not a customer you may work on, or not known to this service yet")),
                "customer-unavailable", customerId);
    }
}
