package org.salescrm.visit.visit;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.visit.References;
import org.salescrm.visit.customers.KeyPersonReplica;
import org.salescrm.visit.customers.KeyPersonReplicaRepository;
import org.salescrm.visit.opportunities.OpportunityLinks;

/**
 * What a visit names must be true: each key person met an active key person of the visit's
 * customer, the opportunity an open one of that customer ({@link OpportunityLinks}; an archived one is neither).
 * Only such a visit can count as effective. Refused as {@link References} says.
 */
@ApplicationScoped
public class VisitLinks {

    private final KeyPersonReplicaRepository keyPersons;
    private final OpportunityLinks opportunities;

    public VisitLinks(KeyPersonReplicaRepository keyPersons, OpportunityLinks opportunities) {
        this.keyPersons = keyPersons;
        this.opportunities = opportunities;
    }

    /** Fails with a 422 naming every offending field; passes when the request names nothing. */
    public Uni<Void> check(UUID customerId, List<UUID> keyPersonIds, UUID opportunityId) {
        List<UUID> people = keyPersonIds == null ? List.of() : keyPersonIds;
        Uni<Map<UUID, KeyPersonReplica>> known = people.isEmpty() ? Uni.createFrom().item(Map.of())
                : keyPersons.list("keyPersonId in ?1", people).map(VisitLinks::byId);
        return known.chain(found -> opportunities.check(customerId, opportunityId, true).map(opportunity -> {
            List<FieldViolation> violations = new ArrayList<>(keyPersonViolations(customerId, people, found));
            opportunity.ifPresent(violations::add);
            if (!violations.isEmpty()) {
                throw References.refusal(violations, "invalid-visit-reference");
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
                violations.add(new FieldViolation(field, References.UNKNOWN,
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
}
