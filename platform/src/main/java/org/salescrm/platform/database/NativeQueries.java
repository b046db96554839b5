package org.salescrm.platform.database;

import io.smallrye.mutiny.Uni;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Native SQL in a Hibernate Reactive session, for what an entity cannot express (conditional
 * upserts, set-based reads, window functions), sharing the session's transaction. Parameters are
 * positional ({@code ?1}, {@code ?2}, …); rows are read by column name.
 */
public final class NativeQueries {

    private NativeQueries() {
    }

    public static Uni<List<Row>> rows(Mutiny.Session session, String sql, Object... parameters) {
        return bound(session.createNativeQuery(sql, Tuple.class), parameters).getResultList()
                .map(tuples -> tuples.stream().map(Row::new).toList());
    }

    /**
     * The rows of a query selecting exactly {@code columns}, in their order, read by name without Hibernate's tuple
     * for each row ({@link Columns} says why).
     */
    public static Uni<List<Row>> rows(Mutiny.Session session, Columns columns, String sql, Object... parameters) {
        return bound(session.createNativeQuery(sql, Object[].class), parameters).getResultList()
                .map(arrays -> arrays.stream().map(values -> new Row(values, columns)).toList());
    }

    public static Uni<Integer> update(Mutiny.Session session, String sql, Object... parameters) {
        return bound(session.createNativeQuery(sql), parameters).executeUpdate();
    }

    /** Binds the positional parameters {@code ?1}, {@code ?2}, … in order. */
    private static <Q extends Mutiny.AbstractQuery> Q bound(Q query, Object[] parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }

    /**
     * One column of a set of rows as a PostgreSQL array literal ({@code {"a","b",NULL}}), so that a set is written
     * with one statement whatever its size: {@code unnest(CAST(CAST(?1 AS text) AS uuid[]), ...)}. Bound as text and
     * cast twice, because the client would otherwise type the parameter as the array and refuse a string. Instants
     * are written as UTC offsets, the rest as their string form.
     */
    public static <T> String array(Collection<T> rows, Function<T, ?> column) {
        StringBuilder literal = new StringBuilder("{");
        for (T row : rows) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            Object value = column.apply(row);
            if (value == null) {
                literal.append("NULL");
                continue;
            }
            String text = value instanceof Instant i ? at(i).toString()
                    : value instanceof BigDecimal b ? b.toPlainString() : value.toString();
            literal.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    /** Timestamps are bound as UTC offsets, which the PostgreSQL client maps to timestamptz. */
    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
