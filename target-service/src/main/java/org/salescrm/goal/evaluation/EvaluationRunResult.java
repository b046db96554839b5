package org.salescrm.goal.evaluation;

/** How many evaluations the run wrote or refreshed. */
public record EvaluationRunResult(int evaluated) {
}
