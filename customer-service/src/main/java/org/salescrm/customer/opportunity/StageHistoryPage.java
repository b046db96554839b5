package org.salescrm.customer.opportunity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A page of stage changes, oldest first, plus {@code stageDurations}: the days spent in each stage
 * over the opportunity's whole path (a stage entered twice counts both stays), stages in funnel order.
 */
public record StageHistoryPage(List<StageChangeView> items, String next, Map<String, BigDecimal> stageDurations) {
}
