package org.salescrm.goal.leaderboard;

import java.math.BigDecimal;

/** One rep's place on the board; target and achievementRate are null without a goal for the period. */
public record LeaderboardEntry(int rank, String repId, String team, BigDecimal actual, BigDecimal target,
                               BigDecimal achievementRate) {
}
