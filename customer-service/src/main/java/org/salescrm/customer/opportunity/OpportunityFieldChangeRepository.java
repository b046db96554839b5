package org.salescrm.customer.opportunity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.salescrm.platform.paging.Cursor;
import org.salescrm.platform.paging.Keyset;
import org.salescrm.platform.paging.PageRequest;

@ApplicationScoped
public class OpportunityFieldChangeRepository implements PanacheRepositoryBase<OpportunityFieldChange, UUID> {

    /** Oldest first, from the cursor on. */
    public Uni<List<OpportunityFieldChange>> page(UUID opportunityId, PageRequest page) {
        Map<String, Object> params = new HashMap<>(Map.of("opportunityId", opportunityId));
        String where = "opportunityId = :opportunityId"
                + Keyset.OLDEST_FIRST.andAfter("seq", page, Cursor::sortNumber, params);
        return find(where + Keyset.OLDEST_FIRST.orderBy("seq"), params).range(0, page.fetchSize() - 1).list();
    }

    static Cursor cursorOf(OpportunityFieldChange c) {
        return new Cursor(c.seq.toString(), c.id);
    }
}
