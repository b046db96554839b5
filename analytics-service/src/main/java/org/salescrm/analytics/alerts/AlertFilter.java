package org.salescrm.analytics.alerts;

import java.util.UUID;

/** GET /alerts query parameters; each null one does not filter. */
record AlertFilter(AlertStatus status, AlertType type, String ownerId, String team, UUID customerId,
                   Severity severity, Boolean escalated) {
}
