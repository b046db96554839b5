package org.salescrm.goal.review;

import org.salescrm.goal.goal.ScopeLevel;

/** The query parameters of {@code GET /reviews}; null means "any". */
public record ReviewFilter(String period, ScopeLevel level, String scopeId) {
}
