package org.salescrm.visit.visit;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.Problems;
import org.salescrm.visit.customers.KeyPersonReplica;
import org.salescrm.visit.customers.KeyPersonReplicaRepository;
import org.salescrm.visit.opportunities.OpportunityReplica;
import org.salescrm.visit.opportunities.OpportunityReplicaRepository;

/**
 * What a visit names must be true: each key person met an active key person of the visit's
 * customer, the opportunity an open one of that customer (an archived one is neither). Only such a visit can count as
 * effective. An id the replicas have not seen yet may be one created a moment ago (events take
 * a moment to arrive), so that case says so and asks for a retry, as an unknown customer does.
 */
@ApplicationScoped
public class VisitLinks {

    static final String UNKNOWN = "known";

    private final KeyPersonReplicaRepository keyPersons;
    private final OpportunityReplicaRepository opportunities;

    public VisitLinks(KeyPersonReplicaRepository keyPersons, OpportunityReplicaRepository opportunities) {
        this.keyPersons = keyPersons;
        this.opportunities = opportunities;
    }

    /** Fails with a 422 naming every offending field; passes when the request names nothing. */
    public Uni<Void> check(UUID customerId, List<UUID> keyPersonIds, UUID opportunityId) {
        List<UUID> people = keyPersonIds == null ? List.of() : keyPersonIds;
        Uni<Map<UUID, KeyPersonReplica>> known = people.isEmpty() ? Uni.createFrom().item(Map.of())
                : keyPersons.list("keyPersonId in ?1", people).map(VisitLinks::byId);
        Uni<OpportunityReplica> opportunity = opportunityId == null ? Uni.createFrom().nullItem()
                : opportunities.findById(opportunityId);
        return known.chain(found -> opportunity.map(deal -> {
            List<FieldViolation> violations = new ArrayList<>(keyPersonViolations(customerId, people, found));
            if (opportunityId != null) {
                opportunityViolation(customerId, deal).ifPresent(violations::add);
            }
            if (!violations.isEmpty()) {
                throw refusal(violations);
            }
            return null;
        })).replaceWithVoid();
    }

    private static Map<UUID, KeyPersonReplica> byId(List<KeyPersonReplica> rows) {
        return rows.stream().collect(Collectors.toMap(k -> k.keyPersonId, Function.identity()));
    }

    private static List<FieldViolation> keyPersonViolations(UUID customerId, List<UUID> ids,
                                                            Map<UUID, KeyPersonReplica> found) {
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String field = "keyPersonIds[" + i + "]";
            KeyPersonReplica person = found.get(ids.get(i));
            if (person == null) {
                violations.add(new FieldViolation(field, UNKNOWN,
                        "no such key person is known to this service yet; one added a moment ago may still be on its way"));
            } else if (!person.customerId.equals(customerId)) {
                violations.add(new FieldViolation(field, "ofCustomer", "not a key person of this customer"));
            } else if (person.archived) {
                violations.add(new FieldViolation(field, "active", "has been deleted"));
            } else if (!person.active) {
                violations.add(new FieldViolation(field, "active", "has left the customer"));
            }
        }
        return violations;
    }

    private static Optional<FieldViolation> opportunityViolation(UUID customerId, OpportunityReplica deal) {
        if (deal == null) {
            return Optional.of(new FieldViolation("opportunityId", UNKNOWN,
                    "no such opportunity is known to this service yet; one opened a moment ago may still be on its way"));
        }
        if (!deal.customerId.equals(customerId)) {
            return Optional.of(new FieldViolation("opportunityId", "ofCustomer",
                    "not an opportunity of this customer"));
        }
        if (deal.archived) {
            return Optional.of(new FieldViolation("opportunityId", "open", "the opportunity has been deleted"));
        }
        if (!deal.isOpen()) {
            return Optional.of(new FieldViolation("opportunityId", "open",
                    "the opportunity is closed (" + deal.status + ")"));
        }
        return Optional.empty();
    }

    /** Only ids not seen yet: a retry may succeed. Anything else is simply wrong. */
    private static RuntimeException refusal(List<FieldViolation> violations) {
        String fields = String.join(", ", violations.stream().map(FieldViolation::field).toList());
        boolean onlyUnknown = violations.stream().allMatch(v -> UNKNOWN.equals(v.rule()));
        return onlyUnknown
                ? Problems.ruleViolated("reference-not-replicated", violations, "reference-not-replicated", fields)
                : Problems.ruleViolated("invalid-visit-reference", violations, "invalid-visit-reference", fields);
    }
}
