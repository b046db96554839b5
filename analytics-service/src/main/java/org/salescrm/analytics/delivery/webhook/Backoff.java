package org.salescrm.analytics.delivery.webhook;

import java.time.Duration;
import java.time.Instant;

/** Exponential back-off: the base delay after the first failure, doubling after each further one, up to a cap. */
record Backoff(Duration base, Duration max) {

    static Backoff of(WebhookConfig config) {
        return new Backoff(config.baseDelay(), config.maxDelay());
    }

    /** When to try again, given the attempts that have failed so far (at least one). */
    Instant next(Instant now, int failedAttempts) {
        return now.plus(delay(failedAttempts));
    }

    Duration delay(int failedAttempts) {
        int doublings = Math.max(0, failedAttempts - 1);
        // Past 2^30 the cap has long been reached; stopping there keeps the multiplication from overflowing.
        if (doublings >= 30) {
            return max;
        }
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
