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
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.security.Visibility;

@ApplicationScoped
public class OpportunityRepository implements PanacheRepositoryBase<Opportunity, UUID> {

    /** Deleted or not, at a customer that is not deleted: what a restore may find. */
    static final String OF_LIVE_CUSTOMER =
            "customerId in (select c.id from Customer c where c.deletedAt is null)";

    /**
     * Neither deleted itself nor hanging off a deleted customer: every read of opportunities
     * starts from this, so a deleted one answers as a missing one everywhere.
     */
    static final String LIVE = "deletedAt is null and " + OF_LIVE_CUSTOMER;

    /** A rep sees their own opportunities; a manager their teams'; an admin all. */
    public Uni<Opportunity> findVisible(UUID id, Caller caller) {
        Visibility visibility = Visibility.of(caller);
        return find(visibility.where("id = :id and " + LIVE), visibility.with("id", id)).firstResult();
    }

    /** Like {@link #findVisible}, a deleted one too (its customer must be live): only a restore needs it. */
    public Uni<Opportunity> findVisibleEvenDeleted(UUID id, Caller caller) {
        Visibility visibility = Visibility.of(caller);
        return find(visibility.where("id = :id and " + OF_LIVE_CUSTOMER), visibility.with("id", id)).firstResult();
    }

    public Uni<List<Opportunity>> openOf(UUID customerId) {
        return list("customerId = ?1 and status = ?2 order by createdAt, id", customerId, OpportunityStatus.OPEN);
    }

    /** Visible opportunities matching the filter, newest first, from the cursor on. */
    public Uni<List<Opportunity>> list(OpportunityFilter filter, PageRequest page, Caller caller) {
        Visibility visibility = Visibility.of(caller);
        StringBuilder where = new StringBuilder(LIVE);
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        if (filter.stage() != null) {
            where.append(" and stage = :stage");
            params.put("stage", filter.stage());
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.ownerId() != null) {
            where.append(" and ownerId = :ownerId");
            params.put("ownerId", filter.ownerId());
        }
        if (filter.customerId() != null) {
            where.append(" and customerId = :customerId");
            params.put("customerId", filter.customerId());
        }
        where.append(Keyset.NEWEST_FIRST.andAfter("createdAt", page, params));
        String query = visibility.where(where.toString()) + Keyset.NEWEST_FIRST.orderBy("createdAt");
        return find(query, params).range(0, page.fetchSize() - 1).list();
    }

    static Cursor cursorOf(Opportunity o) {
        return new Cursor(o.createdAt.toString(), o.id);
    }
}
