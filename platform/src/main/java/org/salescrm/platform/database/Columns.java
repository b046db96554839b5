package org.salescrm.platform.database;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns a native query selects, in the order of its select list, for a read of many rows: its rows are the
 * bare arrays of their values ({@link NativeQueries#rows(org.hibernate.reactive.mutiny.Mutiny.Session, Columns,
 * String, Object...)}), still read by name. Hibernate hands each row out as a tuple holding two maps of its own;
 * for a read of thousands of rows those maps were most of the garbage a batch made.
 */
public final class Columns {

    private final Map<String, Integer> positions = new HashMap<>();

    private Columns(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            positions.put(names.get(i), i);
        }
    }

    /** The names as the select list has them (a column, or its alias), in its order. */
    public static Columns of(String... names) {
        return new Columns(List.of(names));
    }

    int size() {
        return positions.size();
    }

    int position(String column) {
        Integer position = positions.get(column);
        if (position == null) {
            throw new IllegalArgumentException("no column " + column + " among " + positions.keySet());
        }
        return position;
    }
}
