package org.salescrm.goal.goal;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.salescrm.platform.paging.Cursor;
import org.salescrm.platform.paging.Keyset;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.security.Visibility;
import org.salescrm.goal.actuals.Metric;

@ApplicationScoped
public class GoalRepository implements PanacheRepositoryBase<Goal, UUID> {

    public Uni<Goal> findVisible(UUID id, Visibility visibility) {
        return find(visibility.where("id = :id"), visibility.with("id", id)).firstResult();
    }

    public Uni<Goal> findSameScope(String period, Metric metric, ScopeLevel level, String scopeId) {
        return find("period = ?1 and metric = ?2 and scopeLevel = ?3 and scopeId = ?4", period, metric, level, scopeId)
                .firstResult();
    }

    /** Visible goals matching the filter, newest first, from the cursor on. */
    public Uni<List<Goal>> list(GoalFilter filter, PageRequest page, Visibility visibility) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        if (filter.period() != null) {
            where.append(" and period = :period");
            params.put("period", filter.period());
        }
        if (filter.metric() != null) {
            where.append(" and metric = :metric");
            params.put("metric", filter.metric());
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
        String query = visibility.where(where.toString()) + Keyset.NEWEST_FIRST.orderBy("createdAt");
        return find(query, params).range(0, page.fetchSize() - 1).list();
    }

    /** The children's targets of each given goal, summed and lowest; a goal without children is absent. */
    public Uni<Map<UUID, Children>> childrenTotals(Collection<UUID> parentIds) {
        if (parentIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String query = "select parentId, sum(target), min(target) from Goal where parentId in :ids group by parentId";
        return getSession().chain(session -> session.createSelectionQuery(query, ChildTotals.class)
                .setParameter("ids", parentIds)
                .getResultList())
                .map(rows -> {
                    Map<UUID, Children> totals = new HashMap<>();
                    rows.forEach(row -> totals.put(row.parentId(), new Children(row.sum(), row.lowest())));
                    return totals;
                });
    }

    private record ChildTotals(UUID parentId, BigDecimal sum, BigDecimal lowest) {
    }

    /** What a goal's children carry: the sum of their targets and the lowest one. */
    public record Children(BigDecimal sum, BigDecimal lowest) {

        static final Children NONE = new Children(BigDecimal.ZERO, BigDecimal.ZERO);

        /**
         * What the children carry toward the parent: sums add up; a rate does not, so a rate's
         * children carry the lowest of their targets, the rate every one of them is committed to.
         */
        BigDecimal toward(Goal parent) {
            return parent.metric.isRate() ? lowest : sum;
        }
    }

    static Cursor cursorOf(Goal goal) {
        return new Cursor(goal.createdAt.toString(), goal.id);
    }
}
