package org.salescrm.customer.opportunity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.salescrm.platform.paging.Cursor;
import org.salescrm.platform.paging.PageRequest;

@ApplicationScoped
public class OpportunityFieldChangeRepository implements PanacheRepositoryBase<OpportunityFieldChange, UUID> {

    /** Oldest first, from the cursor on. */
    public Uni<List<OpportunityFieldChange>> page(UUID opportunityId, PageRequest page) {
        if (page.after() == null) {
            return find("opportunityId = ?1 order by changedAt, id", opportunityId)
                    .range(0, page.fetchSize() - 1).list();
        }
        return find("opportunityId = ?1 and (changedAt > ?2 or (changedAt = ?2 and id > ?3)) order by changedAt, id",
                opportunityId, page.after().sortInstant(), page.after().id())
                .range(0, page.fetchSize() - 1).list();
    }

    static Cursor cursorOf(OpportunityFieldChange c) {
        return new Cursor(c.changedAt.toString(), c.id);
    }
}
