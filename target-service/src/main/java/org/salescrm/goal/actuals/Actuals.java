package org.salescrm.goal.actuals;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.salescrm.platform.time.Period;

/** Sums and rates of the facts over a period's business days, for any slice of the organisation. */
@ApplicationScoped
public class Actuals {

    /** The slice's condition on actual_fact; its three parameters follow the query's own. */
    private static final String IN_SLICE = """
            ($%d::text IS NULL OR rep_id = $%d)
            AND ($%d::text[] IS NULL OR team = ANY($%d))
            AND ($%d::text IS NULL OR product_line = $%d)""";

    /** Facts of an archived (soft-deleted) customer or deal count toward nothing until it is restored. */
    private static final String COUNTED = " AND NOT " + ArchivedRecords.archivedFact("actual_fact");

    private final Pool db;

    public Actuals(Pool db) {
        this.db = db;
    }

    /** What a goal's metric measures in the period: a sum, or a rate that is null when there is nothing to measure. */
    public Uni<BigDecimal> measure(Metric metric, Period period, Slice slice) {
        return switch (metric) {
            case CONVERSION_RATE -> conversionRate(period, slice);
            case RETENTION_RATE -> retentionRate(period, slice);
            default -> total(metric, period, slice);
        };
    }

    public Uni<BigDecimal> total(Metric metric, Period period, Slice slice) {
        return db.preparedQuery("""
                        SELECT coalesce(sum(amount), 0) AS total FROM actual_fact
                        WHERE metric = $1 AND day BETWEEN $2 AND $3 AND """ + inSlice(4) + COUNTED)
                .execute(withSlice(Tuple.of(metric.name(), period.start(), period.end()), slice))
                .map(rows -> rows.iterator().next().getBigDecimal("total"));
    }

    /**
     * Won deals ÷ deals closed (won or lost) in the period, each on the business day it closed. A
     * deal moved back out of WON is open again and counts on neither side; null when none closed.
     */
    public Uni<BigDecimal> conversionRate(Period period, Slice slice) {
        return db.preparedQuery("""
                        SELECT coalesce(sum(amount) FILTER (WHERE metric = 'WON_DEALS'), 0) AS won,
                               count(*) FILTER (WHERE metric = 'LOST_DEALS') AS lost
                        FROM actual_fact
                        WHERE metric IN ('WON_DEALS', 'LOST_DEALS') AND amount > 0
                          AND day BETWEEN $1 AND $2 AND """ + inSlice(3) + COUNTED)
                .execute(withSlice(Tuple.of(period.start(), period.end()), slice))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    BigDecimal won = row.getBigDecimal("won");
                    BigDecimal closed = won.add(BigDecimal.valueOf(row.getLong("lost")));
                    return share(won, closed);
                });
    }

    /** Each rep's total in the period, for every rep with a fact of the metric in it. */
    public Uni<Map<String, BigDecimal>> totalsByRep(Metric metric, Period period) {
        return db.preparedQuery("""
                        SELECT rep_id, sum(amount) AS total FROM actual_fact
                        WHERE metric = $1 AND day BETWEEN $2 AND $3""" + COUNTED + " GROUP BY rep_id")
                .execute(Tuple.of(metric.name(), period.start(), period.end()))
                .map(rows -> {
                    Map<String, BigDecimal> totals = new LinkedHashMap<>();
                    for (Row row : rows) {
                        totals.put(row.getString("rep_id"), row.getBigDecimal("total"));
                    }
                    return totals;
                });
    }

    /**
     * Retention for a period: of the customers won (a deal won with them) in the slice in the
     * previous period of the same kind, the share won again or visited in the slice in this one.
     * Null when nobody was won in the previous period: there was nobody to keep. A deal moved back
     * out of WON keeps its row at zero, and counts on neither side. For a rep this is the
     * evaluation's retention rate; a product line's facts carry no visits, so there only a new win keeps one.
     */
    public Uni<BigDecimal> retentionRate(Period period, Slice slice) {
        Period previous = period.previous();
        return db.preparedQuery("""
                        WITH base AS (
                            SELECT DISTINCT customer_id FROM actual_fact
                            WHERE metric = 'WON_DEALS' AND day BETWEEN $1 AND $2
                              AND customer_id IS NOT NULL AND amount > 0 AND %s %s),
                        kept AS (
                            SELECT DISTINCT customer_id FROM actual_fact
                            WHERE metric IN ('WON_DEALS', 'VISITS') AND day BETWEEN $3 AND $4
                              AND amount > 0 AND customer_id IN (SELECT customer_id FROM base) AND %s %s)
                        SELECT (SELECT count(*) FROM base) AS base, (SELECT count(*) FROM kept) AS kept"""
                        .formatted(inSlice(5), COUNTED, inSlice(5), COUNTED))
                .execute(withSlice(Tuple.of(previous.start(), previous.end(), period.start(), period.end()), slice))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return share(BigDecimal.valueOf(row.getLong("kept")), BigDecimal.valueOf(row.getLong("base")));
                });
    }

    /** The rep's retention rate, as evaluations score it. */
    public Uni<BigDecimal> retentionRate(String repId, Period period) {
        return retentionRate(period, Slice.rep(repId));
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP);
    }

    private static String inSlice(int first) {
        return IN_SLICE.formatted(first, first, first + 1, first + 1, first + 2, first + 2);
    }

    private static Tuple withSlice(Tuple tuple, Slice slice) {
        return tuple.addValue(slice.repId())
                .addValue(slice.teams() == null ? null : slice.teams().toArray(String[]::new))
                .addValue(slice.productLine());
    }
}
