package org.salescrm.goal.evaluation;

import jakarta.validation.constraints.Size;
import java.util.Set;
import org.salescrm.platform.patch.MergePatch;

/** The review: the manager writes the plan and comment, the rep answers; each may also clear their own. */
public record EvaluationPatch(
        @Size(max = 2000) String improvementPlan,
        @Size(max = 2000) String managerComment,
        @Size(max = 2000) String repFeedback) {

    /** The score and what it is computed from are the server's; a client naming one is told so. */
    static final Set<String> SERVER_OWNED = Set.of("id", "repId", "period", "targetRevenue", "actualRevenue",
            "achievementRate", "newCustomers", "retentionRate", "score", "grade", "ownerId", "ownerTeam",
            "evaluatedAt", "version", "createdAt", "updatedAt");

    static boolean touchesManagerFields(MergePatch<EvaluationPatch> patch) {
        return patch.has("improvementPlan") || patch.has("managerComment");
    }
}
