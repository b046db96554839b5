package org.salescrm.customer.history;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.salescrm.platform.paging.Cursor;
import org.salescrm.platform.paging.Keyset;
import org.salescrm.platform.paging.PageRequest;

@ApplicationScoped
public class CustomerHistoryRepository implements PanacheRepositoryBase<CustomerHistoryEntry, UUID> {

    /** Oldest first, in the order written, from the cursor on. */
    public Uni<List<CustomerHistoryEntry>> of(UUID customerId, PageRequest page) {
        StringBuilder where = new StringBuilder("customerId = :customerId");
        Map<String, Object> params = new HashMap<>();
        params.put("customerId", customerId);
        where.append(Keyset.OLDEST_FIRST.andAfter("seq", page, Cursor::sortNumber, params));
        return find(where + Keyset.OLDEST_FIRST.orderBy("seq"), params).range(0, page.fetchSize() - 1).list();
    }

    /** When the rep last lost this customer to the pool (released or reclaimed); null if never. */
    public Uni<Instant> lastPoolExit(UUID customerId, String ownerId) {
        return getSession().chain(session -> session.createSelectionQuery("""
                        select max(at) from CustomerHistoryEntry
                        where customerId = :customerId and fromOwnerId = :ownerId
                          and change in (:released, :reclaimed)""", Instant.class)
                .setParameter("customerId", customerId)
                .setParameter("ownerId", ownerId)
                .setParameter("released", CustomerChange.RELEASED)
                .setParameter("reclaimed", CustomerChange.RECLAIMED)
                .getSingleResultOrNull());
    }

    static Cursor cursorOf(CustomerHistoryEntry entry) {
        return new Cursor(String.valueOf(entry.seq), entry.id);
    }
}
