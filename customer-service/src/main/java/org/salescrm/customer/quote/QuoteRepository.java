package org.salescrm.customer.quote;

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
public class QuoteRepository implements PanacheRepositoryBase<Quote, UUID> {

    /** The number the next quote of the opportunity gets; the caller holds the opportunity's lock. */
    Uni<Long> nextVersion(UUID opportunityId) {
        return getSession().chain(session -> session
                        .createSelectionQuery("select max(q.version) from Quote q where q.opportunityId = :id", Long.class)
                        .setParameter("id", opportunityId).getSingleResultOrNull())
                .map(last -> last == null ? 1L : last + 1);
    }

    /** How many quotes the opportunity has, and how many of them the customer accepted. */
    public Uni<QuoteCounts> countsOf(UUID opportunityId) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select count(q), count(case when q.accepted then 1 end) from Quote q where q.opportunityId = :id",
                        QuoteCounts.class).setParameter("id", opportunityId).getSingleResult());
    }

    /** An opportunity's quotes: all, and accepted. */
    public record QuoteCounts(Long all, Long accepted) {
    }

    /** The opportunity's quotes oldest first, from the cursor on. */
    Uni<List<Quote>> page(UUID opportunityId, PageRequest page) {
        StringBuilder where = new StringBuilder("opportunityId = :opportunityId");
        Map<String, Object> params = new HashMap<>(Map.of("opportunityId", opportunityId));
        where.append(Keyset.OLDEST_FIRST.andAfter("createdAt", page, params));
        return find(where + Keyset.OLDEST_FIRST.orderBy("createdAt"), params).range(0, page.fetchSize() - 1).list();
    }

    static Cursor cursorOf(QuoteView q) {
        return new Cursor(q.createdAt().toString(), q.id());
    }
}
