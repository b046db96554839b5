package org.salescrm.goal.goal;

import org.salescrm.goal.actuals.Metric;

/** The query parameters of {@code GET /goals}; null means "any". */
public record GoalFilter(String period, Metric metric, ScopeLevel level, String scopeId) {
}
