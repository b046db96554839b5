package org.salescrm.goal.evaluation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Evaluate every rep in the caller's reach who has a goal in the period. */
public record EvaluationRunRequest(@NotBlank @Size(max = 20) String period) {
}
