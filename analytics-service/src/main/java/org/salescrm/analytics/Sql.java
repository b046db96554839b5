package org.salescrm.analytics;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.salescrm.platform.database.Columns;
import org.salescrm.platform.database.NativeQueries;
import org.salescrm.platform.database.Row;

/**
 * Native SQL in the current Hibernate Reactive session, so that fact upserts, rule reads and the
 * outbox share the consumer's one transaction. Conditional upserts ("only a newer version") are
 * plain SQL, which an entity cannot express.
 */
public final class Sql {

    private Sql() {
    }

    public static Uni<Integer> update(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> NativeQueries.update(session, sql, parameters));
    }

    /** Rows read by column name: give every computed column an alias. */
    public static Uni<List<Row>> rows(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> NativeQueries.rows(session, sql, parameters));
    }

    /** Rows of a query selecting exactly {@code columns}, for a read of many rows: {@link Columns}. */
    public static Uni<List<Row>> rows(Columns columns, String sql, Object... parameters) {
        return Panache.getSession().chain(session -> NativeQueries.rows(session, columns, sql, parameters));
    }

    /** One column of a set of rows as an array parameter: {@link NativeQueries#array}. */
    public static <T, V> NativeQueries.ArrayParameter array(Collection<T> rows, Class<V> type,
                                                            Function<T, ? extends V> column) {
        return NativeQueries.array(rows, type, column);
    }

    /** A set of values as an array parameter: {@link NativeQueries#array}. */
    public static <V> NativeQueries.ArrayParameter array(Collection<V> values, Class<V> type) {
        return NativeQueries.array(values, type);
    }

    /** A column of instants as an array parameter: {@link NativeQueries#instants}. */
    public static <T> NativeQueries.ArrayParameter instants(Collection<T> rows, Function<T, Instant> column) {
        return NativeQueries.instants(rows, column);
    }

    /** Applies each item in turn, for what is written one row at a time. */
    public static <T> Uni<Void> each(List<T> items, Function<? super T, Uni<Void>> apply) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(item -> apply.apply(item))
                .collect().last().replaceWithVoid();
    }

    public static OffsetDateTime at(Instant instant) {
        return NativeQueries.at(instant);
    }
}
