package org.salescrm.goal.evaluation;

import org.salescrm.events.EventIds;
import org.salescrm.events.target.EvaluationPublished;

final class EvaluationEvents {

    private EvaluationEvents() {
    }

    static EvaluationPublished published(Evaluation e) {
        return new EvaluationPublished(EventIds.next(), e.id, e.version, e.ownerId, e.ownerTeam, e.evaluatedAt,
                e.repId, e.period, e.targetRevenue, e.actualRevenue, e.achievementRate, e.newCustomers,
                e.retentionRate, e.score, e.grade.name());
    }
}
