package org.salescrm.visit.plan;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.salescrm.platform.paging.Cursor;
import org.salescrm.platform.paging.PageRequest;

@ApplicationScoped
public class VisitPlanChangeRepository implements PanacheRepositoryBase<VisitPlanChange, UUID> {

    /** A plan's writes, oldest first. */
    public Uni<List<VisitPlanChange>> history(UUID planId, PageRequest page) {
        if (page.after() == null) {
            return find("planId = ?1 order by changedAt, id", planId).range(0, page.fetchSize() - 1).list();
        }
        return find("planId = ?1 and (changedAt > ?2 or (changedAt = ?2 and id > ?3)) order by changedAt, id",
                planId, page.after().sortInstant(), page.after().id())
                .range(0, page.fetchSize() - 1).list();
    }

    static Cursor cursorOf(VisitPlanChange change) {
        return new Cursor(change.changedAt.toString(), change.id);
    }
}
