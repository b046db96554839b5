package org.salescrm.target.evaluation;

/** How many evaluations the run wrote or refreshed. */
public record EvaluationRunResult(int evaluated) {
}
