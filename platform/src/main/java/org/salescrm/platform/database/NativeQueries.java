package org.salescrm.platform.database;

import io.smallrye.mutiny.Uni;
import jakarta.persistence.Tuple;
import java.lang.reflect.Array;
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
            query.setParameter(i + 1, parameters[i] instanceof ArrayParameter array ? array.values() : parameters[i]);
        }
        return query;
    }

    /**
     * A Java array to bind as one parameter: passed bare, an array that is a query's only parameter would be taken
     * for the parameters themselves.
     */
    public record ArrayParameter(Object values) {
    }

    /**
     * One column of a set of rows as an array parameter, so that a set is written or matched with one statement
     * whatever its size: {@code unnest(CAST(?1 AS uuid[]), ...)}, {@code WHERE id = ANY (CAST(?1 AS uuid[]))}. The
     * client sends it in PostgreSQL's binary form, which the server takes without parsing each element from text
     * (for a uuid column, most of the cost of a literal); and unlike a list bound to {@code IN (?1)}, which Hibernate
     * writes out as a parameter per element, the statement's text is the same for every size. Instants:
     * {@link #instants}.
     */
    public static <T, V> ArrayParameter array(Collection<T> rows, Class<V> type, Function<T, ? extends V> column) {
        @SuppressWarnings("unchecked")
        V[] values = (V[]) Array.newInstance(type, rows.size());
        int i = 0;
        for (T row : rows) {
            values[i++] = column.apply(row);
        }
        return new ArrayParameter(values);
    }

    /** A set of values as an array parameter ({@link #array}). */
    public static <V> ArrayParameter array(Collection<V> values, Class<V> type) {
        return array(values, type, Function.identity());
    }

    /**
     * A column of instants as text, cast in SQL: {@code CAST(CAST(?1 AS text[]) AS timestamptz[])}. Not bound as
     * the other arrays because Hibernate hands the client an array of timestamps as {@code Instant[]}, which it
     * refuses for a {@code timestamptz[]}.
     */
    public static <T> ArrayParameter instants(Collection<T> rows, Function<T, Instant> column) {
        return array(rows, String.class, row -> {
            Instant at = column.apply(row);
            return at == null ? null : at.toString();
        });
    }

    /** Timestamps are bound as UTC offsets, which the PostgreSQL client maps to timestamptz. */
    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
