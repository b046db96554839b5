package org.salescrm.goal.evaluation;

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
public class EvaluationRepository implements PanacheRepositoryBase<Evaluation, UUID> {

    /** A rep sees their own evaluations, a manager their teams', an admin all. */
    public Uni<Evaluation> findVisible(UUID id, Caller caller) {
        Visibility visibility = Visibility.of(caller);
        return find(visibility.where("id = :id"), visibility.with("id", id)).firstResult();
    }

    public Uni<Evaluation> findFor(String repId, String period) {
        return find("repId = ?1 and period = ?2", repId, period).firstResult();
    }

    public Uni<List<Evaluation>> list(String period, String repId, PageRequest page, Caller caller) {
        Visibility visibility = Visibility.of(caller);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        if (period != null) {
            where.append(" and period = :period");
            params.put("period", period);
        }
        if (repId != null) {
            where.append(" and repId = :repId");
            params.put("repId", repId);
        }
        where.append(Keyset.NEWEST_FIRST.andAfter("createdAt", page, params));
        return find(visibility.where(where.toString()) + Keyset.NEWEST_FIRST.orderBy("createdAt"), params)
                .range(0, page.fetchSize() - 1).list();
    }

    static Cursor cursorOf(Evaluation e) {
        return new Cursor(e.createdAt.toString(), e.id);
    }
}
