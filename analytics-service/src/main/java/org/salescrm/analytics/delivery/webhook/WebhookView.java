package org.salescrm.analytics.delivery.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as the API shows it: never its secret. {@code teams} empty means every team;
 * {@code eventTypes} empty means alerts. An EMAIL subscription has an {@code email} and no {@code url}, every
 * other one a {@code url} and no {@code email}.
 */
public record WebhookView(UUID id, String url, List<String> teams, String createdBy, Instant createdAt,
                          Instant updatedAt, long version, List<String> eventTypes, WebhookFormat format,
                          String email) {
}
