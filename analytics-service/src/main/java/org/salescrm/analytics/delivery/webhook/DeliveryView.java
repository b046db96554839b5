package org.salescrm.analytics.delivery.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One alert event for one subscription: where it stands ({@code PENDING}, {@code DELIVERED},
 * {@code FAILED} after the last attempt, {@code CANCELLED} when the subscription was deleted
 * first) and every attempt made.
 */
public record DeliveryView(UUID id, UUID subscriptionId, UUID eventId, String eventType, String status,
                           int attempts, Integer lastStatusCode, String lastError, Instant nextAttemptAt,
                           Instant deliveredAt, Instant createdAt, Instant updatedAt, List<Attempt> log) {

    /** One POST to the receiver: its answer's status code, or why there was none. */
    public record Attempt(int attempt, Instant attemptedAt, Integer statusCode, String error, long durationMillis) {
    }
}
