package org.salescrm.customer.opportunity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OpportunityStageChangeRepository implements PanacheRepositoryBase<OpportunityStageChange, UUID> {

    /** The whole funnel path of one opportunity in business-time order; a handful of rows at most. */
    public Uni<List<OpportunityStageChange>> pathOf(UUID opportunityId) {
        return list("opportunityId = ?1 order by occurredAt, recordedAt, id", opportunityId);
    }
}
