package org.salescrm.analytics.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Reads the service's database directly, to assert on the rows the consumers wrote. */
public final class Db {

    private final Pool pool;

    public Db(Pool pool) {
        this.pool = pool;
    }

    public List<Row> rows(String sql, Object... parameters) {
        RowSet<Row> set = pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().indefinitely();
        List<Row> rows = new ArrayList<>();
        set.forEach(rows::add);
        return rows;
    }

    public Row row(String sql, Object... parameters) {
        List<Row> rows = rows(sql, parameters);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public long count(String sql, Object... parameters) {
        return rows(sql, parameters).get(0).getLong(0);
    }

    public void execute(String sql, Object... parameters) {
        pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().indefinitely();
    }
}
