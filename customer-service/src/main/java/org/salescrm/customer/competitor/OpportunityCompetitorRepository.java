package org.salescrm.customer.competitor;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OpportunityCompetitorRepository implements PanacheRepositoryBase<OpportunityCompetitor, UUID> {

    /** Oldest first. */
    public Uni<List<OpportunityCompetitor>> of(UUID opportunityId) {
        return list("opportunityId = ?1 order by createdAt, id", opportunityId);
    }

    public Uni<OpportunityCompetitor> named(UUID opportunityId, String normalizedName) {
        return find("opportunityId = ?1 and normalizedName = ?2", opportunityId, normalizedName).firstResult();
    }

    /** How many were removed: 0 when the deal has no such entry. */
    public Uni<Long> remove(UUID opportunityId, UUID id) {
        return delete("opportunityId = ?1 and id = ?2", opportunityId, id);
    }
}
