package org.salescrm.platform.database;

import io.smallrye.mutiny.Uni;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
        var query = session.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList().map(tuples -> tuples.stream().map(Row::new).toList());
    }

    public static Uni<Integer> update(Mutiny.Session session, String sql, Object... parameters) {
        var query = session.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }

    /** Timestamps are bound as UTC offsets, which the PostgreSQL client maps to timestamptz. */
    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
