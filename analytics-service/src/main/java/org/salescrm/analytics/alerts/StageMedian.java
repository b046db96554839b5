package org.salescrm.analytics.alerts;

/** How long a team's deals stayed in one stage: how many have left it, and the median days they took. */
record StageMedian(long samples, double medianDays) {
}
