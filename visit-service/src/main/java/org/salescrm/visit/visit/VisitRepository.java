package org.salescrm.visit.visit;

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
import org.salescrm.platform.security.Caller;
import org.salescrm.visit.customers.CustomerAccess;

@ApplicationScoped
public class VisitRepository implements PanacheRepositoryBase<Visit, UUID> {

    /** A visit is visible to whoever may work on its customer now: access moves with the customer's owner. */
    public Uni<Visit> findVisible(UUID id, Caller caller) {
        Map<String, Object> params = new HashMap<>(CustomerAccess.scopeOf(caller).parameters());
        params.put("id", id);
        return find("id = :id and " + CustomerAccess.scopeClause(caller, "customerId"), params).firstResult();
    }

    public Uni<Visit> findByClientId(String loggedBy, UUID clientId) {
        return find("loggedBy = ?1 and clientId = ?2", loggedBy, clientId).firstResult();
    }

    /** Visible visits matching the filter, latest first, from the cursor on. */
    public Uni<List<Visit>> list(VisitFilter filter, PageRequest page, Caller caller) {
        StringBuilder where = new StringBuilder(CustomerAccess.scopeClause(caller, "customerId"));
        Map<String, Object> params = new HashMap<>(CustomerAccess.scopeOf(caller).parameters());
        if (filter.customerId() != null) {
            where.append(" and customerId = :customerId");
            params.put("customerId", filter.customerId());
        }
        if (filter.ownerId() != null) {
            where.append(" and ownerId = :ownerId");
            params.put("ownerId", filter.ownerId());
        }
        if (filter.opportunityId() != null) {
            where.append(" and opportunityId = :opportunityId");
            params.put("opportunityId", filter.opportunityId());
        }
        if (filter.from() != null) {
            where.append(" and occurredAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and occurredAt < :to");
            params.put("to", filter.to());
        }
        where.append(Keyset.NEWEST_FIRST.andAfter("occurredAt", page, params));
        return find(where + Keyset.NEWEST_FIRST.orderBy("occurredAt"), params).range(0, page.fetchSize() - 1).list();
    }

    static Cursor cursorOf(Visit visit) {
        return new Cursor(visit.occurredAt.toString(), visit.id);
    }
}
