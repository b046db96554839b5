package org.salescrm.goal.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An evaluation as clients see it; rates are ratios (1.1 = 110%). */
public record EvaluationView(
        UUID id,
        String repId,
        String period,
        BigDecimal targetRevenue,
        BigDecimal actualRevenue,
        BigDecimal achievementRate,
        int newCustomers,
        BigDecimal retentionRate,
        BigDecimal score,
        Grade grade,
        String improvementPlan,
        String managerComment,
        String repFeedback,
        String ownerId,
        String ownerTeam,
        Instant evaluatedAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static EvaluationView of(Evaluation e) {
        return new EvaluationView(e.id, e.repId, e.period, e.targetRevenue, e.actualRevenue, e.achievementRate,
                e.newCustomers, e.retentionRate, e.score, e.grade, e.improvementPlan, e.managerComment,
                e.repFeedback, e.ownerId, e.ownerTeam, e.evaluatedAt, e.version, e.createdAt, e.updatedAt);
    }
}
