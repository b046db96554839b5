package org.salescrm.goal.review;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.salescrm.goal.actuals.CustomerOwners;
import org.salescrm.goal.actuals.OpportunityReplicas;
import org.salescrm.goal.actuals.RepTeams;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;

/**
 * The people, customers and deals a review's actions name. A customer or deal must be one the manager may see (its
 * owner theirs, or of their teams) and not deleted, and a deal must be of the action's customer: an action assigned
 * as a follow-up becomes that customer's follow-up in visit-service, assigned to the action's owner. A record out of
 * reach answers exactly as one never seen. The owner must be the manager or a rep of their teams, as far as events
 * have told which team a rep is in.
 */
@ApplicationScoped
class ActionReferences {

    static final String TYPE = "review-action-reference";

    private final CustomerOwners customers;
    private final OpportunityReplicas deals;
    private final RepTeams repTeams;

    ActionReferences(CustomerOwners customers, OpportunityReplicas deals, RepTeams repTeams) {
        this.customers = customers;
        this.deals = deals;
        this.repTeams = repTeams;
    }

    /** What the requested actions name anew, by position: only that is checked. */
    private record Named(List<Integer> records, List<Integer> owners) {

        boolean none() {
            return records.isEmpty() && owners.isEmpty();
        }
    }

    /** What the reads found within the caller's reach. */
    private record Reach(Map<UUID, CustomerOwners.Owner> customers, Map<UUID, OpportunityReplicas.Owned> deals,
                         Set<String> foreignOwners) {
    }

    /**
     * Fails with a 422 naming each {@code actions[i].customerId}, {@code .opportunityId} and {@code .ownerId} at
     * fault. Only what an action newly names is checked: a reference kept as it was stays, whatever became of its
     * record since, and an action already assigned as a follow-up keeps its customer. Needs an open session.
     */
    Uni<Void> check(List<ActionRequest> requested, Map<UUID, ReviewAction> current, Caller caller) {
        Named named = named(requested, current);
        if (named.none()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> owners = named.owners().stream().map(i -> requested.get(i).ownerId().strip())
                .collect(Collectors.toSet());
        return customers.live(idsOf(named.records(), requested, ActionRequest::customerId))
                .chain(liveCustomers -> deals.live(idsOf(named.records(), requested, ActionRequest::opportunityId))
                        .chain(liveDeals -> repTeams.teamsOf(owners).map(teams -> new Reach(
                                reachable(liveCustomers, CustomerOwners.Owner::customerId,
                                        CustomerOwners.Owner::ownerId, CustomerOwners.Owner::ownerTeam, caller),
                                reachable(liveDeals, OpportunityReplicas.Owned::opportunityId,
                                        OpportunityReplicas.Owned::ownerId, OpportunityReplicas.Owned::ownerTeam, caller),
                                foreignOwners(teams, caller)))))
                .invoke(reach -> requireReachable(named, requested, reach))
                .replaceWithVoid();
    }

    private static Named named(List<ActionRequest> requested, Map<UUID, ReviewAction> current) {
        List<Integer> records = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            ActionRequest req = requested.get(i);
            ReviewAction held = req.id() == null ? null : current.get(req.id());
            boolean fixed = held != null && held.asFollowUp;
            boolean moved = held == null || !Objects.equals(req.customerId(), held.customerId)
                    || !Objects.equals(req.opportunityId(), held.opportunityId);
            if (!fixed && moved && (req.customerId() != null || req.opportunityId() != null)) {
                records.add(i);
            }
            if (held == null || !req.ownerId().strip().equals(held.ownerId)) {
                owners.add(i);
            }
        }
        return new Named(records, owners);
    }

    private static void requireReachable(Named named, List<ActionRequest> requested, Reach reach) {
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String prefix = "actions[" + i + "]";
            if (named.records().contains(i)) {
                violations.addAll(recordFaults(prefix, requested.get(i), reach));
            }
            if (named.owners().contains(i) && reach.foreignOwners().contains(requested.get(i).ownerId().strip())) {
                violations.add(new FieldViolation(prefix + ".ownerId", "ofYourTeams",
                        "must be you or a rep of your teams"));
            }
        }
        if (!violations.isEmpty()) {
            String fields = String.join(", ", violations.stream().map(FieldViolation::field).toList());
            throw Problems.ruleViolated(TYPE, violations, TYPE, fields);
        }
    }

    private static List<FieldViolation> recordFaults(String prefix, ActionRequest req, Reach reach) {
        List<FieldViolation> faults = new ArrayList<>();
        if (req.customerId() != null && !reach.customers().containsKey(req.customerId())) {
            faults.add(new FieldViolation(prefix + ".customerId", "reachable",
                    "not a customer you may see, or not known to this service yet"));
        }
        OpportunityReplicas.Owned deal = req.opportunityId() == null ? null : reach.deals().get(req.opportunityId());
        if (req.opportunityId() != null && deal == null) {
            faults.add(new FieldViolation(prefix + ".opportunityId", "reachable",
                    "not an opportunity you may see, or not known to this service yet"));
        } else if (deal != null && req.customerId() != null && !req.customerId().equals(deal.customerId())) {
            faults.add(new FieldViolation(prefix + ".opportunityId", "ofCustomer",
                    "must be an opportunity of the action's customer"));
        }
        return faults;
    }

    /** Of {@code records}, by id, those whose owner the caller may see. */
    private static <T> Map<UUID, T> reachable(List<T> records, Function<T, UUID> id, Function<T, String> owner,
                                              Function<T, String> team, Caller caller) {
        return records.stream().filter(r -> caller.canSee(owner.apply(r), team.apply(r)))
                .collect(Collectors.toMap(id, r -> r));
    }

    /** Reps an event placed in a team the caller does not manage; a rep no event has named yet is given the benefit. */
    private static Set<String> foreignOwners(Map<String, String> teams, Caller caller) {
        return teams.entrySet().stream()
                .filter(rep -> !caller.canSee(rep.getKey(), rep.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static Set<UUID> idsOf(List<Integer> positions, List<ActionRequest> requested,
                                   Function<ActionRequest, UUID> id) {
        Set<UUID> ids = new HashSet<>();
        for (int i : positions) {
            UUID value = id.apply(requested.get(i));
            if (value != null) {
                ids.add(value);
            }
        }
        return ids;
    }
}
