package org.salescrm.customer.history;

import java.time.Instant;
import java.util.Map;

/** One entry of {@code GET /customers/{id}/history}. */
public record CustomerHistoryView(Instant at, String by, String change, Map<String, Object> details) {
}
