package org.salescrm.visit.followup;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
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
public class FollowUpRepository implements PanacheRepositoryBase<FollowUp, UUID> {

    public Uni<FollowUp> findVisible(UUID id, Caller caller) {
        Map<String, Object> params = scopeParameters(caller);
        params.put("id", id);
        return find("id = :id and " + scope(caller), params).firstResult();
    }

    /** Visible follow-ups matching the filter, soonest due first, from the cursor on. */
    public Uni<List<FollowUp>> list(FollowUpFilter filter, LocalDate today, PageRequest page, Caller caller) {
        StringBuilder where = new StringBuilder(scope(caller));
        Map<String, Object> params = scopeParameters(caller);
        if (filter.status() != null) {
            switch (filter.status()) {
                case DONE -> where.append(" and status = 'DONE'");
                case OPEN -> where.append(" and status = 'OPEN' and dueOn >= :today");
                case OVERDUE -> where.append(" and status = 'OPEN' and dueOn < :today");
            }
            if (filter.status() != FollowUpStatus.DONE) {
                params.put("today", today);
            }
        }
        if (filter.assigneeId() != null) {
            where.append(" and assigneeId = :assigneeId");
            params.put("assigneeId", filter.assigneeId());
        }
        if (filter.customerId() != null) {
            where.append(" and customerId = :customerId");
            params.put("customerId", filter.customerId());
        }
        if (filter.dueBefore() != null) {
            where.append(" and dueOn < :dueBefore");
            params.put("dueBefore", filter.dueBefore());
        }
        where.append(Keyset.OLDEST_FIRST.andAfter("dueOn", page, Cursor::sortDate, params));
        return find(where + Keyset.OLDEST_FIRST.orderBy("dueOn"), params).range(0, page.fetchSize() - 1).list();
    }

    /**
     * Open follow-ups past their due date whose overdue event has not gone out, locked for the job's
     * transaction. An archived customer's wait: restored, they are published then.
     */
    public Uni<List<FollowUp>> overdueNotYetPublished(LocalDate today, int limit) {
        return find("status = 'OPEN' and dueOn < ?1 and overduePublishedAt is null and "
                + CustomerAccess.notArchivedClause("customerId") + " order by dueOn, id", today)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .range(0, limit - 1).list();
    }

    static Cursor cursorOf(FollowUp followUp) {
        return new Cursor(followUp.dueOn.toString(), followUp.id);
    }

    /**
     * The assignee sees their follow-ups; whoever may work on the customer now sees the customer's.
     * An archived customer's are nobody's until it is restored.
     */
    private static String scope(Caller caller) {
        return "((assigneeId = :me and " + CustomerAccess.notArchivedClause("customerId") + ") or "
                + CustomerAccess.scopeClause(caller, "customerId") + ")";
    }

    private static Map<String, Object> scopeParameters(Caller caller) {
        Map<String, Object> params = new HashMap<>(CustomerAccess.scopeOf(caller).parameters());
        params.put("me", caller.id());
        return params;
    }
}
