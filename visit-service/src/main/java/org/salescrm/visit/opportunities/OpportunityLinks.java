package org.salescrm.visit.opportunities;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.visit.References;

/**
 * Whether a visit or a follow-up may name an opportunity (field {@code opportunityId}): one of its own customer that
 * has not been deleted, so a request cannot attach itself to another customer's deal (nor learn that it exists: one
 * out of the caller's reach is refused as not of this customer, whoever owns it). A visit also needs it open.
 */
@ApplicationScoped
public class OpportunityLinks {

    private static final String FIELD = "opportunityId";

    private final OpportunityReplicaRepository opportunities;

    public OpportunityLinks(OpportunityReplicaRepository opportunities) {
        this.opportunities = opportunities;
    }

    /** What is wrong with naming it, if anything; nothing when no opportunity is named. */
    public Uni<Optional<FieldViolation>> check(UUID customerId, UUID opportunityId, boolean mustBeOpen) {
        if (opportunityId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return opportunities.findById(opportunityId).map(deal -> violation(customerId, deal, mustBeOpen));
    }

    private static Optional<FieldViolation> violation(UUID customerId, OpportunityReplica deal, boolean mustBeOpen) {
        if (deal == null) {
            return Optional.of(new FieldViolation(FIELD, References.UNKNOWN,
                    "no such opportunity is known to this service yet; one opened a moment ago may still be on its way"));
        }
        if (!deal.customerId.equals(customerId)) {
            return Optional.of(new FieldViolation(FIELD, "ofCustomer", "not an opportunity of this customer"));
        }
        if (deal.archived) {
            return Optional.of(new FieldViolation(FIELD, mustBeOpen ? "open" : "active",
                    "the opportunity has been deleted"));
        }
        if (mustBeOpen && !deal.isOpen()) {
            return Optional.of(new FieldViolation(FIELD, "open", "the opportunity is closed (" + deal.status + ")"));
        }
        return Optional.empty();
    }
}
