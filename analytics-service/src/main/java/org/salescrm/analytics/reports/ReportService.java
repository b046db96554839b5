package org.salescrm.analytics.reports;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.salescrm.analytics.archive.Archived;
import org.salescrm.analytics.reports.Reports.Activity;
import org.salescrm.analytics.reports.Reports.ActivityItem;
import org.salescrm.analytics.reports.Reports.Funnel;
import org.salescrm.analytics.reports.Reports.FunnelStage;
import org.salescrm.analytics.reports.Reports.Pipeline;
import org.salescrm.analytics.reports.Reports.PipelineStage;
import org.salescrm.platform.security.Caller;

/**
 * Funnel, pipeline and activity from the materialised state, scoped to the caller. Read-only
 * aggregates, so they go straight to the pool rather than through an entity session.
 */
@ApplicationScoped
public class ReportService {

    static final List<String> FUNNEL = List.of("TARGET", "POTENTIAL", "INTENT", "PROJECT", "ACKNOWLEDGED",
            "NEGOTIATION", "WON");
    static final List<String> OPEN_STAGES = FUNNEL.subList(0, FUNNEL.size() - 1);
    private static final String STAGE_ORDER = "ARRAY['TARGET','POTENTIAL','INTENT','PROJECT','ACKNOWLEDGED',"
            + "'NEGOTIATION','WON']";

    private final Pool pool;
    private final Clock clock;

    public ReportService(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * Per stage: opportunities that entered it in the range, how many of them later moved to a later
     * stage, that share, and the median days of the stays in it that ended. Won and lost count the
     * deals closed in the range; winRate = won / (won + lost).
     */
    public Uni<Funnel> funnel(ReportFilter filter, Caller caller) {
        ReportQuery stays = opportunityScope(filter, caller)
                .whereIfPresent("s.entered_at >= ?", utc(filter.fromInstant(clock.getZone())))
                .whereIfPresent("s.entered_at < ?", utc(filter.toInstant(clock.getZone())));
        String stageSql = """
                WITH stays AS (
                    SELECT t.opportunity_id, t.to_stage AS stage, t.occurred_at AS entered_at,
                           LEAD(t.occurred_at) OVER w AS left_at, LEAD(t.to_stage) OVER w AS next_stage
                    FROM stage_transition t
                    WINDOW w AS (PARTITION BY t.opportunity_id ORDER BY t.aggregate_version))
                SELECT s.stage, count(DISTINCT s.opportunity_id) AS entered,
                       count(DISTINCT s.opportunity_id) FILTER (
                           WHERE array_position(%1$s, s.next_stage) > array_position(%1$s, s.stage)) AS advanced,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (s.left_at - s.entered_at)) / 86400.0)
                           FILTER (WHERE s.left_at IS NOT NULL) AS median_days
                FROM stays s JOIN opportunity_fact o ON o.opportunity_id = s.opportunity_id
                WHERE %2$s GROUP BY s.stage""".formatted(STAGE_ORDER, stays.clause());
        ReportQuery closed = opportunityScope(filter, caller);
        String closedSql = """
                SELECT count(*) FILTER (WHERE o.status = 'WON' %1$s) AS won,
                       count(*) FILTER (WHERE o.status = 'LOST' %2$s) AS lost
                FROM opportunity_fact o WHERE %3$s""";
        closedSql = closedSql.formatted(range(closed, "o.won_on", filter, true),
                range(closed, "o.lost_at", filter, false), closed.clause());
        String closedQuery = closedSql;
        return pool.preparedQuery(stageSql).execute(stays.tuple()).chain(stageRows -> {
            Map<String, Row> byStage = new HashMap<>();
            stageRows.forEach(r -> byStage.put(r.getString("stage"), r));
            List<FunnelStage> stages = FUNNEL.stream().map(stage -> funnelStage(stage, byStage.get(stage))).toList();
            return pool.preparedQuery(closedQuery).execute(closed.tuple()).map(rows -> {
                Row r = rows.iterator().next();
                long won = r.getLong("won");
                long lost = r.getLong("lost");
                return new Funnel(stages, won, lost, ratio(won, won + lost));
            });
        });
    }

    private static FunnelStage funnelStage(String stage, Row row) {
        if (row == null) {
            return new FunnelStage(stage, 0, 0, null, null);
        }
        long entered = row.getLong("entered");
        long advanced = "WON".equals(stage) ? 0 : row.getLong("advanced");
        Double median = row.getDouble("median_days");
        return new FunnelStage(stage, entered, advanced, "WON".equals(stage) ? null : ratio(advanced, entered),
                median == null ? null : BigDecimal.valueOf(median).setScale(1, RoundingMode.HALF_UP));
    }

    /**
     * Open opportunities per stage with their amounts; weightedAmount = Σ amount × probability; sales
     * velocity per day = open count × win rate × average won amount ÷ average cycle days (open to won),
     * the closed deals' figures taken over all time within the same scope.
     */
    public Uni<Pipeline> pipeline(ReportFilter filter, Caller caller) {
        ReportQuery open = opportunityScope(filter, caller).where("o.status = 'OPEN'");
        String openSql = """
                SELECT o.stage, count(*) AS n, COALESCE(sum(o.amount), 0) AS amount,
                       COALESCE(sum(o.amount * o.probability / 100.0), 0) AS weighted
                FROM opportunity_fact o WHERE %s GROUP BY o.stage""".formatted(open.clause());
        ReportQuery closed = opportunityScope(filter, caller);
        String closedSql = """
                SELECT count(*) FILTER (WHERE o.status = 'WON') AS won,
                       count(*) FILTER (WHERE o.status = 'LOST') AS lost,
                       avg(o.amount) FILTER (WHERE o.status = 'WON') AS average_won,
                       avg(extract(epoch FROM (o.won_at - o.opened_at)) / 86400.0) FILTER (WHERE o.status = 'WON')
                           AS average_cycle_days
                FROM opportunity_fact o WHERE %s""".formatted(closed.clause());
        return pool.preparedQuery(openSql).execute(open.tuple()).chain(openRows -> {
            Map<String, Row> byStage = new HashMap<>();
            openRows.forEach(r -> byStage.put(r.getString("stage"), r));
            List<PipelineStage> stages = new ArrayList<>();
            BigDecimal weighted = BigDecimal.ZERO;
            long openCount = 0;
            for (String stage : OPEN_STAGES) {
                Row r = byStage.get(stage);
                long n = r == null ? 0 : r.getLong("n");
                stages.add(new PipelineStage(stage, n, r == null ? BigDecimal.ZERO : r.getBigDecimal("amount")));
                weighted = weighted.add(r == null ? BigDecimal.ZERO : r.getBigDecimal("weighted"));
                openCount += n;
            }
            long openTotal = openCount;
            BigDecimal weightedAmount = weighted.setScale(2, RoundingMode.HALF_UP);
            return pool.preparedQuery(closedSql).execute(closed.tuple()).map(rows -> {
                Row r = rows.iterator().next();
                return new Pipeline(stages, weightedAmount, velocity(openTotal, r.getLong("won"), r.getLong("lost"),
                        r.getBigDecimal("average_won"), r.getDouble("average_cycle_days")));
            });
        });
    }

    /** No won deal yet, or none that took any time: there is no velocity to speak of, so 0. */
    static BigDecimal velocity(long open, long won, long lost, BigDecimal averageWon, Double averageCycleDays) {
        if (won == 0 || averageWon == null || averageCycleDays == null || averageCycleDays <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal winRate = BigDecimal.valueOf(won).divide(BigDecimal.valueOf(won + lost), 10, RoundingMode.HALF_UP);
        return BigDecimal.valueOf(open).multiply(winRate).multiply(averageWon)
                .divide(BigDecimal.valueOf(averageCycleDays), 2, RoundingMode.HALF_UP);
    }

    /**
     * Per owner in the range: visits and effective visits (by the visit's business day), new customers,
     * won deals and amount (by the day won), and open follow-ups now overdue that fell due in the range.
     */
    public Uni<Activity> activity(ReportFilter filter, Caller caller) {
        ReportQuery days = new ReportQuery().scope(caller, "a.owner_id", "a.owner_team")
                .whereIfPresent("a.owner_team = ?", filter.team())
                .whereIfPresent("a.owner_id = ?", filter.ownerId())
                .whereIfPresent("a.day >= ?", filter.from())
                .whereIfPresent("a.day <= ?", filter.to());
        String daySql = """
                SELECT a.owner_id, sum(a.visits) AS visits, sum(a.effective_visits) AS effective_visits,
                       sum(a.new_customers) AS new_customers, sum(a.won_deals) AS won_deals,
                       sum(a.won_amount) AS won_amount
                FROM rep_activity a WHERE %s GROUP BY a.owner_id""".formatted(days.clause());
        LocalDate today = LocalDate.now(clock);
        ReportQuery overdue = new ReportQuery().scope(caller, "f.owner_id", "f.owner_team")
                .where("f.status = 'OPEN'")
                .where("(f.overdue_since IS NOT NULL OR f.due_on < ?)", today)
                .where("f.owner_id IS NOT NULL")
                .where(Archived.customerLive("f.customer_id"))
                .whereIfPresent("f.owner_team = ?", filter.team())
                .whereIfPresent("f.owner_id = ?", filter.ownerId())
                .whereIfPresent("f.due_on >= ?", filter.from())
                .whereIfPresent("f.due_on <= ?", filter.to());
        String overdueSql = "SELECT f.owner_id, count(*) AS n FROM follow_up_fact f WHERE %s GROUP BY f.owner_id"
                .formatted(overdue.clause());
        return pool.preparedQuery(daySql).execute(days.tuple()).chain(dayRows -> pool.preparedQuery(overdueSql)
                .execute(overdue.tuple()).map(overdueRows -> {
                    Map<String, ActivityItem> items = new TreeMap<>();
                    dayRows.forEach(r -> items.put(r.getString("owner_id"), new ActivityItem(r.getString("owner_id"),
                            r.getLong("visits"), r.getLong("effective_visits"), r.getLong("new_customers"),
                            r.getLong("won_deals"), r.getBigDecimal("won_amount"), 0)));
                    overdueRows.forEach(r -> {
                        String owner = r.getString("owner_id");
                        ActivityItem held = items.get(owner);
                        items.put(owner, held == null
                                ? new ActivityItem(owner, 0, 0, 0, 0, BigDecimal.ZERO, r.getLong("n"))
                                : new ActivityItem(owner, held.visits(), held.effectiveVisits(), held.newCustomers(),
                                        held.wonDeals(), held.wonAmount(), r.getLong("n")));
                    });
                    return new Activity(List.copyOf(items.values()), null);
                }));
    }

    /** The caller's opportunities; archived ones (or an archived customer's) are in no report. */
    private static ReportQuery opportunityScope(ReportFilter filter, Caller caller) {
        return new ReportQuery().scope(caller, "o.owner_id", "o.owner_team").where(Archived.opportunityLive("o"))
                .whereIfPresent("o.owner_team = ?", filter.team())
                .whereIfPresent("o.owner_id = ?", filter.ownerId());
    }

    /** A range condition on a won date or a lost instant, added to the query's parameters, for a FILTER clause. */
    private String range(ReportQuery query, String column, ReportFilter filter, boolean isDate) {
        StringBuilder sql = new StringBuilder();
        if (filter.from() != null) {
            sql.append(" AND ").append(query.placeholder(column + " >= ?",
                    isDate ? filter.from() : utc(filter.fromInstant(clock.getZone()))));
        }
        if (filter.to() != null) {
            sql.append(" AND ").append(isDate ? query.placeholder(column + " <= ?", filter.to())
                    : query.placeholder(column + " < ?", utc(filter.toInstant(clock.getZone()))));
        }
        return sql.toString();
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
