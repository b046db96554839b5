package org.salescrm.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list call answers: {@code {"items": [...], "next": "<cursor or null>"}}. */
public record Page<T>(List<T> items, String next) {

    /**
     * Builds a page from a query that fetched {@link PageRequest#fetchSize()} rows in cursor order.
     *
     * @param cursorOf the cursor that points just after a row
     */
    public static <E, T> Page<T> of(List<E> fetched, PageRequest request, Function<E, Cursor> cursorOf,
                                    Function<E, T> view) {
        boolean more = fetched.size() > request.limit();
        List<E> rows = more ? fetched.subList(0, request.limit()) : fetched;
        String next = more ? cursorOf.apply(rows.get(rows.size() - 1)).encode() : null;
        return new Page<>(rows.stream().map(view).toList(), next);
    }
}
