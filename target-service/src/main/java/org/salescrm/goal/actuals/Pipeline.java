package org.salescrm.goal.actuals;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.salescrm.platform.time.Period;

/** Reads the opportunity replica for a slice of the organisation: open, won, lost and slipped deals. */
@ApplicationScoped
public class Pipeline {

    private static final String COLUMNS = """
            SELECT opportunity_id, name, customer_id, owner_id, stage, status, amount, product_line,
                   expected_close_date, closed_on, lost_reason, lost_competitor, probability
            FROM opportunity_replica o""";
    /**
     * The slice's condition on the replica; its three parameters follow the query's own. An archived deal (or
     * a deal of an archived customer) is in no slice until it is restored.
     */
    private static final String IN_SLICE = """
            ($%d::text IS NULL OR o.owner_id = $%d)
            AND ($%d::text[] IS NULL OR o.owner_team = ANY($%d))
            AND ($%d::text IS NULL OR o.product_line = $%d)
            AND NOT\s""" + ArchivedRecords.archivedDeal("o");
    private static final String ORDER = " ORDER BY o.expected_close_date NULLS LAST, o.opportunity_id";

    private final Pool db;

    public Pipeline(Pool db) {
        this.db = db;
    }

    /** Open deals expected to close inside the period. */
    public Uni<List<Deal>> openClosingIn(Period period, Slice slice) {
        return query(" WHERE o.status = 'OPEN' AND o.expected_close_date BETWEEN $1 AND $2 AND " + inSlice(3)
                + ORDER, Tuple.of(period.start(), period.end()), slice);
    }

    /** Every open deal, whenever it is expected to close. */
    public Uni<List<Deal>> open(Slice slice) {
        return query(" WHERE o.status = 'OPEN' AND " + inSlice(1) + ORDER, Tuple.tuple(), slice);
    }

    /** Deals won or lost ({@code status}) on a business day of the period. */
    public Uni<List<Deal>> closedIn(Period period, String status, Slice slice) {
        return query(" WHERE o.status = $1 AND o.closed_on BETWEEN $2 AND $3 AND " + inSlice(4)
                + " ORDER BY o.closed_on, o.opportunity_id", Tuple.of(status, period.start(), period.end()), slice);
    }

    /**
     * Deals that slipped: at some time expected to close inside the period, yet not won or lost in
     * it. A deal still open and due inside the period today or later has not slipped yet.
     */
    public Uni<List<Deal>> slipped(Period period, LocalDate today, Slice slice) {
        return query(" " + """
                 WHERE EXISTS (SELECT 1 FROM opportunity_close_date d WHERE d.opportunity_id = o.opportunity_id
                                 AND d.expected_close_date BETWEEN $1 AND $2)
                   AND NOT (o.closed_on IS NOT NULL AND o.closed_on BETWEEN $1 AND $2)
                   AND NOT (o.status = 'OPEN' AND o.expected_close_date BETWEEN $3 AND $2)
                   AND NOT (o.status <> 'OPEN' AND o.closed_on < $1)
                   AND\s""" + inSlice(4) + ORDER,
                Tuple.of(period.start(), period.end(), today), slice);
    }

    private Uni<List<Deal>> query(String where, Tuple params, Slice slice) {
        return db.preparedQuery(COLUMNS + where)
                .execute(params.addValue(slice.repId())
                        .addValue(slice.teams() == null ? null : slice.teams().toArray(String[]::new))
                        .addValue(slice.productLine()))
                .map(Pipeline::deals);
    }

    private static List<Deal> deals(RowSet<Row> rows) {
        List<Deal> deals = new ArrayList<>();
        for (Row r : rows) {
            deals.add(new Deal(r.getUUID("opportunity_id"), r.getString("name"), r.getUUID("customer_id"),
                    r.getString("owner_id"), r.getString("stage"), r.getString("status"), r.getBigDecimal("amount"),
                    r.getString("product_line"), r.getLocalDate("expected_close_date"), r.getLocalDate("closed_on"),
                    r.getString("lost_reason"), r.getString("lost_competitor"), r.getInteger("probability")));
        }
        return deals;
    }

    private static String inSlice(int first) {
        return IN_SLICE.formatted(first, first, first + 1, first + 1, first + 2, first + 2);
    }
}
