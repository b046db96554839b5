package org.salescrm.target.goal;

import org.salescrm.target.actuals.Metric;

/** The query parameters of {@code GET /goals}; null means "any". */
public record GoalFilter(String period, Metric metric, ScopeLevel level, String scopeId) {
}
