package org.salescrm.analytics.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * What the churn rule reads of one customer, counted against "now": visits in the last 30 days and in
 * the 90 before, negative visits in the sentiment window, overdue follow-ups, decision makers, losses.
 */
record CustomerSignals(UUID customerId, String ownerId, String ownerTeam, String grade, long wonDeals,
                       Instant createdAt, Instant lastVisitAt, long visitsLast30, long visitsPrior90,
                       long negativeVisits, long overdueFollowUps, long activeDecisionMakers,
                       Instant decisionMakerLeftAt, long recentlyLost) {
}
