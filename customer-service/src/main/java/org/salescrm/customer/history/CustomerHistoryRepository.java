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
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;

@ApplicationScoped
public class CustomerHistoryRepository implements PanacheRepositoryBase<CustomerHistoryEntry, UUID> {

    /** Oldest first, in the order written, from the cursor on. */
    public Uni<List<CustomerHistoryEntry>> of(UUID customerId, PageRequest page) {
        StringBuilder where = new StringBuilder("customerId = :customerId");
        Map<String, Object> params = new HashMap<>();
        params.put("customerId", customerId);
        if (page.after() != null) {
            where.append(" and seq > :afterSeq");
            params.put("afterSeq", seqOf(page.after()));
        }
        return find(where + " order by seq", params).range(0, page.fetchSize() - 1).list();
    }

    /** A tampered cursor is the same 400 as a foreign one. */
    private static long seqOf(Cursor cursor) {
        try {
            return Long.parseLong(cursor.sortValue());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "malformed-field",
                    List.of(new FieldViolation("cursor", "format", "not a cursor from this list")),
                    "malformed-field", "cursor", cursor.encode());
        }
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
