package org.salescrm.analytics;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
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

    public static OffsetDateTime at(Instant instant) {
        return NativeQueries.at(instant);
    }
}
