package org.salescrm.goal.evaluation;

import jakarta.validation.constraints.Size;

/** The review: the manager writes the plan and comment, the rep answers. Absent or null leaves a field as it is. */
public record EvaluationPatch(
        @Size(max = 2000) String improvementPlan,
        @Size(max = 2000) String managerComment,
        @Size(max = 2000) String repFeedback) {

    boolean touchesManagerFields() {
        return improvementPlan != null || managerComment != null;
    }
}
