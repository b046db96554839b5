package org.salescrm.customer.playbook;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PlaybookTickRepository implements PanacheRepositoryBase<PlaybookTick, UUID> {

    public Uni<List<PlaybookTick>> of(UUID opportunityId) {
        return list("opportunityId", opportunityId);
    }

    public Uni<PlaybookTick> find(UUID opportunityId, String itemKey) {
        return find("opportunityId = ?1 and itemKey = ?2", opportunityId, itemKey).firstResult();
    }
}
