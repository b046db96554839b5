package org.salescrm.analytics.alerts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What the overdue-receivable rule reads of one instalment: when it fell due and what is still owed on it. */
record ReceivableState(UUID instalmentId, String contractNumber, UUID customerId, String ownerId, String ownerTeam,
                       LocalDate dueOn, BigDecimal amount, BigDecimal outstanding, String currency) {
}
