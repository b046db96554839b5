package org.salescrm.analytics.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the reclaim-warning rule reads of one customer: its current owner, the latest
 * CustomerReclaimWarning (whom it warned, when, after how many silent days, the reclaim day) and
 * the latest visit. warnedAt is null when no warning was ever given.
 */
record ReclaimWarningState(UUID customerId, String ownerId, String ownerTeam, Instant warnedAt, String warnedOwner,
                           LocalDate reclaimOn, Integer daysSilent, Instant lastVisitAt) {
}
