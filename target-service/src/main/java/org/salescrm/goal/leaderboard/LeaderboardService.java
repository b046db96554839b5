package org.salescrm.goal.leaderboard;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.salescrm.platform.security.Caller;
import org.salescrm.goal.actuals.ArchivedRecords;
import org.salescrm.goal.actuals.Metric;
import org.salescrm.platform.time.Period;
import org.salescrm.goal.progress.ProgressService;

/**
 * The reps of a period ranked on a metric (销售之星): everyone with a goal on it or with an actual
 * in it. Ranked by actual, highest first; equal actuals share a rank (1, 1, 3).
 */
@ApplicationScoped
public class LeaderboardService {

    private final Pool db;

    public LeaderboardService(Pool db) {
        this.db = db;
    }

    record Standing(String repId, String team, BigDecimal actual, BigDecimal target) {
    }

    public Uni<List<LeaderboardEntry>> rank(Period period, Metric metric, String team, int limit, Caller caller) {
        return db.preparedQuery("""
                        WITH a AS (SELECT rep_id, sum(amount) AS actual FROM actual_fact
                                   WHERE metric = $1 AND day BETWEEN $2 AND $3 AND amount <> 0
                                     AND NOT %s GROUP BY rep_id),
                             g AS (SELECT scope_id AS rep_id, owner_team, target FROM goal
                                   WHERE scope_level = 'REP' AND period = $4 AND metric = $1)
                        SELECT coalesce(a.rep_id, g.rep_id) AS rep_id, coalesce(g.owner_team, rt.team) AS team,
                               coalesce(a.actual, 0) AS actual, g.target
                        FROM a FULL OUTER JOIN g ON a.rep_id = g.rep_id
                        LEFT JOIN rep_team rt ON rt.rep_id = coalesce(a.rep_id, g.rep_id)"""
                        .formatted(ArchivedRecords.archivedFact("actual_fact")))
                .execute(Tuple.of(metric.name(), period.start(), period.end(), period.code()))
                .map(rows -> {
                    List<Standing> board = new ArrayList<>();
                    for (Row row : rows) {
                        Standing r = new Standing(row.getString("rep_id"), row.getString("team"),
                                row.getBigDecimal("actual"), row.getBigDecimal("target"));
                        if (inReach(r.team(), team, caller)) {
                            board.add(r);
                        }
                    }
                    board.sort(Comparator.comparing(Standing::actual).reversed().thenComparing(Standing::repId));
                    return ranked(board, limit);
                });
    }

    /** A rep sees their own team's board, a manager their teams', an admin any; {@code team} narrows it. */
    private static boolean inReach(String rowTeam, String team, Caller caller) {
        if (team != null && !team.equals(rowTeam)) {
            return false;
        }
        if (caller.isAdmin()) {
            return true;
        }
        Set<String> teams = caller.isManager() ? caller.visibleTeams()
                : caller.team() == null ? Set.of() : Set.of(caller.team());
        return rowTeam != null && teams.contains(rowTeam);
    }

    private static List<LeaderboardEntry> ranked(List<Standing> board, int limit) {
        List<LeaderboardEntry> entries = new ArrayList<>();
        for (int i = 0; i < board.size() && i < limit; i++) {
            Standing r = board.get(i);
            boolean tied = i > 0 && r.actual().compareTo(board.get(i - 1).actual()) == 0;
            int rank = tied ? entries.get(i - 1).rank() : i + 1;
            entries.add(new LeaderboardEntry(rank, r.repId(), r.team(), r.actual(), r.target(),
                    ProgressService.ratio(r.actual(), r.target())));
        }
        return entries;
    }
}
