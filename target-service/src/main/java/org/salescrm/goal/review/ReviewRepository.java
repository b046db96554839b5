package org.salescrm.goal.review;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.salescrm.goal.goal.ScopeLevel;
import org.salescrm.platform.paging.Cursor;
import org.salescrm.platform.paging.Keyset;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.security.Visibility;

@ApplicationScoped
public class ReviewRepository implements PanacheRepositoryBase<Review, UUID> {

    /** A rep reads the reviews of themselves, a manager their teams', an admin all. */
    public Uni<Review> findVisible(UUID id, Caller caller) {
        Visibility visibility = Visibility.of(caller);
        return find(visibility.where("id = :id"), visibility.with("id", id)).firstResult();
    }

    public Uni<Review> findFor(ScopeLevel level, String scopeId, String period) {
        return find("scopeLevel = ?1 and scopeId = ?2 and period = ?3", level, scopeId, period).firstResult();
    }

    /** Visible reviews matching the filter, newest first, from the cursor on. */
    public Uni<List<Review>> list(ReviewFilter filter, PageRequest page, Caller caller) {
        Visibility visibility = Visibility.of(caller);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        if (filter.period() != null) {
            where.append(" and period = :period");
            params.put("period", filter.period());
        }
        if (filter.level() != null) {
            where.append(" and scopeLevel = :level");
            params.put("level", filter.level());
        }
        if (filter.scopeId() != null) {
            where.append(" and scopeId = :scopeId");
            params.put("scopeId", filter.scopeId());
        }
        where.append(Keyset.NEWEST_FIRST.andAfter("createdAt", page, params));
        return find(visibility.where(where.toString()) + Keyset.NEWEST_FIRST.orderBy("createdAt"), params)
                .range(0, page.fetchSize() - 1).list();
    }

    static Cursor cursorOf(Review review) {
        return new Cursor(review.createdAt.toString(), review.id);
    }
}
