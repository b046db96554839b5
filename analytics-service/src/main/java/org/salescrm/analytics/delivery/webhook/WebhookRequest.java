package org.salescrm.analytics.delivery.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A subscription as a client asks for it. {@code teams} empty or absent: every team's alerts,
 * which only an admin may ask for. {@code eventTypes}: the CloudEvents types to receive (such as
 * {@code crm.opportunity.won.v1}); empty or absent: alerts. {@code format}: STANDARD (absent), DINGTALK or WECOM. Each team is checked in {@link WebhookService}, which names it by
 * its index ({@code teams[1]}). Id, creator and timestamps are the server's.
 */
public record WebhookRequest(
        @NotBlank @Size(max = 2000) @HttpUrl String url,
        @NotBlank @Size(max = 200) String secret,
        @Size(max = 50) List<String> teams,
        @Size(max = 50) List<String> eventTypes,
        WebhookFormat format) {
}
