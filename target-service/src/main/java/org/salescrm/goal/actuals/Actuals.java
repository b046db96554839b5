package org.salescrm.goal.actuals;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.salescrm.goal.period.Period;

/** Sums of the facts over a period's business days, for any slice of the organisation. */
@ApplicationScoped
public class Actuals {

    private final Pool db;

    public Actuals(Pool db) {
        this.db = db;
    }

    public Uni<BigDecimal> total(Metric metric, Period period, Slice slice) {
        return db.preparedQuery("""
                        SELECT coalesce(sum(amount), 0) FROM actual_fact
                        WHERE metric = $1 AND day BETWEEN $2 AND $3
                          AND ($4::text IS NULL OR rep_id = $4)
                          AND ($5::text[] IS NULL OR team = ANY($5))
                          AND ($6::text IS NULL OR product_line = $6)""")
                .execute(Tuple.tuple()
                        .addValue(metric.name())
                        .addValue(period.start())
                        .addValue(period.end())
                        .addValue(slice.repId())
                        .addValue(slice.teams() == null ? null : slice.teams().toArray(String[]::new))
                        .addValue(slice.productLine()))
                .map(rows -> rows.iterator().next().getBigDecimal(0));
    }

    /** Each rep's total in the period, for every rep with a fact of the metric in it. */
    public Uni<Map<String, BigDecimal>> totalsByRep(Metric metric, Period period) {
        return db.preparedQuery("""
                        SELECT rep_id, sum(amount) FROM actual_fact
                        WHERE metric = $1 AND day BETWEEN $2 AND $3 GROUP BY rep_id""")
                .execute(Tuple.of(metric.name(), period.start(), period.end()))
                .map(rows -> {
                    Map<String, BigDecimal> totals = new LinkedHashMap<>();
                    for (Row row : rows) {
                        totals.put(row.getString(0), row.getBigDecimal(1));
                    }
                    return totals;
                });
    }

    /**
     * Retention of a rep for a period: of the customers the rep won a deal with in the previous
     * period of the same kind, how many the rep won again or visited in this one. Null when the
     * rep won no customer in the previous period: there was nobody to keep.
     */
    public Uni<BigDecimal> retentionRate(String repId, Period period) {
        Period previous = period.previous();
        return db.preparedQuery("""
                        WITH base AS (
                            SELECT DISTINCT customer_id FROM actual_fact
                            WHERE metric = 'WON_DEALS' AND rep_id = $1 AND day BETWEEN $2 AND $3
                              AND customer_id IS NOT NULL),
                        kept AS (
                            SELECT DISTINCT customer_id FROM actual_fact
                            WHERE metric IN ('WON_DEALS', 'VISITS') AND rep_id = $1 AND day BETWEEN $4 AND $5
                              AND customer_id IN (SELECT customer_id FROM base))
                        SELECT (SELECT count(*) FROM base), (SELECT count(*) FROM kept)""")
                .execute(Tuple.of(repId, previous.start(), previous.end(), period.start(), period.end()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    long base = row.getLong(0);
                    return base == 0 ? null
                            : BigDecimal.valueOf(row.getLong(1)).divide(BigDecimal.valueOf(base), 4,
                                    java.math.RoundingMode.HALF_UP);
                });
    }
}
