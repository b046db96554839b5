package org.salescrm.platform.paging;

import java.util.Map;
import java.util.function.Function;

/**
 * Keyset paging in HQL: the rows after the cursor of a list sorted by one field, then by id so that
 * ties have an order too. Unlike an offset, a page does not shift when records are added before it.
 * <pre>
 * where.append(Keyset.NEWEST_FIRST.andAfter("createdAt", page, params));
 * find(where + Keyset.NEWEST_FIRST.orderBy("createdAt"), params).range(0, page.fetchSize() - 1)
 * </pre>
 */
public enum Keyset {
    NEWEST_FIRST("<", " desc"),
    OLDEST_FIRST(">", "");

    private final String beyond;
    private final String direction;

    Keyset(String beyond, String direction) {
        this.beyond = beyond;
        this.direction = direction;
    }

    /** For a list sorted by a time: " and (…)" binding {@code afterSort} and {@code afterId}; "" on the first page. */
    public String andAfter(String field, PageRequest page, Map<String, Object> parameters) {
        return andAfter(field, page, Cursor::sortInstant, parameters);
    }

    /** The same for a sort field of another type, read from the cursor by {@code sortValue}. */
    public String andAfter(String field, PageRequest page, Function<Cursor, ?> sortValue,
                           Map<String, Object> parameters) {
        if (page.after() == null) {
            return "";
        }
        parameters.put("afterSort", sortValue.apply(page.after()));
        parameters.put("afterId", page.after().id());
        return " and (%1$s %2$s :afterSort or (%1$s = :afterSort and id %2$s :afterId))".formatted(field, beyond);
    }

    public String orderBy(String field) {
        return " order by %1$s%2$s, id%2$s".formatted(field, direction);
    }
}
