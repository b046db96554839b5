package org.salescrm.goal.review;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.salescrm.goal.actuals.CustomerOwners;
import org.salescrm.goal.actuals.OpportunityReplicas;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;

/**
 * The customers and deals a review's actions name. Each must be one the manager may see (its owner theirs, or of
 * their teams) and not deleted, and a deal must be of the action's customer: an action assigned as a follow-up
 * becomes that customer's follow-up in visit-service. A record out of reach answers exactly as one never seen.
 */
@ApplicationScoped
class ActionReferences {

    static final String TYPE = "review-action-reference";

    private final CustomerOwners customers;
    private final OpportunityReplicas deals;

    ActionReferences(CustomerOwners customers, OpportunityReplicas deals) {
        this.customers = customers;
        this.deals = deals;
    }

    /**
     * Fails with a 422 naming each {@code actions[i].customerId} and {@code actions[i].opportunityId} at fault.
     * Only what an action newly names is checked: a reference kept as it was stays, whatever became of its record
     * since, and an action already assigned as a follow-up keeps its customer. Needs an open session.
     */
    Uni<Void> check(List<ActionRequest> requested, Map<UUID, ReviewAction> current, Caller caller) {
        List<Integer> named = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            ActionRequest req = requested.get(i);
            ReviewAction held = req.id() == null ? null : current.get(req.id());
            boolean fixed = held != null && held.asFollowUp;
            boolean changed = held == null || !Objects.equals(req.customerId(), held.customerId)
                    || !Objects.equals(req.opportunityId(), held.opportunityId);
            if (!fixed && changed && (req.customerId() != null || req.opportunityId() != null)) {
                named.add(i);
            }
        }
        if (named.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        var customerIds = idsOf(named, requested, ActionRequest::customerId);
        var dealIds = idsOf(named, requested, ActionRequest::opportunityId);
        return customers.live(customerIds).chain(liveCustomers -> deals.live(dealIds)
                        .invoke(liveDeals -> requireReachable(named, requested, reachableCustomers(liveCustomers, caller),
                                reachableDeals(liveDeals, caller))))
                .replaceWithVoid();
    }

    private static void requireReachable(List<Integer> named, List<ActionRequest> requested,
                                         Map<UUID, CustomerOwners.Owner> customers,
                                         Map<UUID, OpportunityReplicas.Owned> deals) {
        List<FieldViolation> violations = new ArrayList<>();
        for (int i : named) {
            violations.addAll(faults("actions[" + i + "]", requested.get(i), customers, deals));
        }
        if (!violations.isEmpty()) {
            String fields = String.join(", ", violations.stream().map(FieldViolation::field).toList());
            throw Problems.ruleViolated(TYPE, violations, TYPE, fields);
        }
    }

    private static Map<UUID, CustomerOwners.Owner> reachableCustomers(List<CustomerOwners.Owner> customers, Caller caller) {
        return customers.stream().filter(c -> caller.canSee(c.ownerId(), c.ownerTeam()))
                .collect(Collectors.toMap(CustomerOwners.Owner::customerId, c -> c));
    }

    private static Map<UUID, OpportunityReplicas.Owned> reachableDeals(List<OpportunityReplicas.Owned> deals, Caller caller) {
        return deals.stream().filter(d -> caller.canSee(d.ownerId(), d.ownerTeam()))
                .collect(Collectors.toMap(OpportunityReplicas.Owned::opportunityId, d -> d));
    }

    private static List<FieldViolation> faults(String prefix, ActionRequest req,
                                               Map<UUID, CustomerOwners.Owner> customers,
                                               Map<UUID, OpportunityReplicas.Owned> deals) {
        List<FieldViolation> faults = new ArrayList<>();
        if (req.customerId() != null && !customers.containsKey(req.customerId())) {
            faults.add(new FieldViolation(prefix + ".customerId", "reachable",
                    "not a customer you may see, or not known to this service yet"));
        }
        OpportunityReplicas.Owned deal = req.opportunityId() == null ? null : deals.get(req.opportunityId());
        if (req.opportunityId() != null && deal == null) {
            faults.add(new FieldViolation(prefix + ".opportunityId", "reachable",
                    "not an opportunity you may see, or not known to this service yet"));
        } else if (deal != null && req.customerId() != null && !req.customerId().equals(deal.customerId())) {
            faults.add(new FieldViolation(prefix + ".opportunityId", "ofCustomer",
                    "must be an opportunity of the action's customer"));
        }
        return faults;
    }

    private static HashSet<UUID> idsOf(List<Integer> positions, List<ActionRequest> requested,
                                       Function<ActionRequest, UUID> id) {
        HashSet<UUID> ids = new HashSet<>();
        positions.forEach(i -> {
            UUID value = id.apply(requested.get(i));
            if (value != null) {
                ids.add(value);
            }
        });
        return ids;
    }
}
