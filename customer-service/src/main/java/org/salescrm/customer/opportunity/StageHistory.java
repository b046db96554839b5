package org.salescrm.customer.opportunity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.salescrm.platform.paging.Cursor;
import org.salescrm.platform.paging.PageRequest;

/** An opportunity's stage path with the time spent in each stage (机会升迁耗时). */
final class StageHistory {

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    private StageHistory() {
    }

    /** The path is short (one row per move), so it is read whole and paged here, where durations need the next entry. */
    static StageHistoryPage page(Opportunity o, List<OpportunityStageChange> path, PageRequest page, Instant now) {
        List<StageChangeView> entries = entries(o, path, now);
        int start = 0;
        if (page.after() != null) {
            start = indexOf(path, page.after()) + 1;
        }
        int end = Math.min(entries.size(), start + page.limit());
        String next = end < entries.size() ? cursorOf(path.get(end - 1)).encode() : null;
        return new StageHistoryPage(entries.subList(start, end), next, durations(entries));
    }

    static List<StageChangeView> entries(Opportunity o, List<OpportunityStageChange> path, Instant now) {
        List<StageChangeView> entries = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            OpportunityStageChange change = path.get(i);
            Instant left = i + 1 < path.size() ? path.get(i + 1).occurredAt : (o.isOpen() ? now : null);
            boolean terminal = OpportunityStageChange.LOST.equals(change.toStage)
                    || Stage.WON.name().equals(change.toStage);
            BigDecimal days = terminal || left == null ? null : days(change.occurredAt, left);
            entries.add(new StageChangeView(change.id, change.fromStage, change.toStage, change.occurredAt,
                    change.changedBy, change.reason, isBackward(change), days));
        }
        return entries;
    }

    /** Days per stage over the whole path, in funnel order; stages never entered are left out. */
    static Map<String, BigDecimal> durations(List<StageChangeView> entries) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            for (StageChangeView entry : entries) {
                if (stage.name().equals(entry.to()) && entry.daysInStage() != null) {
                    totals.merge(stage.name(), entry.daysInStage(), BigDecimal::add);
                }
            }
        }
        return totals;
    }

    private static BigDecimal days(Instant from, Instant to) {
        long seconds = Math.max(0, Duration.between(from, to).toSeconds());
        return BigDecimal.valueOf(seconds).divide(SECONDS_PER_DAY, 2, RoundingMode.HALF_UP);
    }

    private static boolean isBackward(OpportunityStageChange change) {
        if (change.fromStage == null || OpportunityStageChange.LOST.equals(change.toStage)) {
            return false;
        }
        return Stage.valueOf(change.toStage).isBefore(Stage.valueOf(change.fromStage));
    }

    private static int indexOf(List<OpportunityStageChange> path, Cursor cursor) {
        for (int i = 0; i < path.size(); i++) {
            if (path.get(i).id.equals(cursor.id())) {
                return i;
            }
        }
        return path.size();
    }

    private static Cursor cursorOf(OpportunityStageChange change) {
        return new Cursor(change.occurredAt.toString(), change.id);
    }
}
