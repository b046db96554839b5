package org.salescrm.analytics.alerts;

import jakarta.validation.constraints.Size;

/** POST /alerts/{id}/acknowledge: an optional note for whoever reads the alert next. */
public record AcknowledgeRequest(@Size(max = 2000) String note) {
}
