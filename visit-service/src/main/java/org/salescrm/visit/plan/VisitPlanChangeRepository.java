package org.salescrm.visit.plan;

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
public class VisitPlanChangeRepository implements PanacheRepositoryBase<VisitPlanChange, UUID> {

    /** A plan's writes, oldest first. */
    public Uni<List<VisitPlanChange>> history(UUID planId, PageRequest page) {
        Map<String, Object> params = new HashMap<>(Map.of("planId", planId));
        String where = "planId = :planId" + Keyset.OLDEST_FIRST.andAfter("changedAt", page, params);
        return find(where + Keyset.OLDEST_FIRST.orderBy("changedAt"), params).range(0, page.fetchSize() - 1).list();
    }

    static Cursor cursorOf(VisitPlanChange change) {
        return new Cursor(change.changedAt.toString(), change.id);
    }
}
