package org.salescrm.analytics.delivery.webhook;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A subscription as a client asks for it. {@code teams} empty or absent: every team's alerts,
 * which only an admin may ask for. {@code eventTypes}: the CloudEvents types to receive (such as
 * {@code crm.opportunity.won.v1}); empty or absent: alerts. {@code format}: STANDARD (absent), DINGTALK, WECOM or
 * EMAIL; which of {@code url}, {@code secret} and {@code email} each needs is {@link DeliveryTarget}'s rule. Each team
 * is checked in {@link WebhookService}, which names it by its index ({@code teams[1]}). Id, creator and timestamps
 * are the server's.
 */
public record WebhookRequest(
        @Schema(description = "Where to POST: required for STANDARD, DINGTALK and WECOM, absent for EMAIL")
        @Size(max = 2000) @HttpUrl String url,
        @Schema(description = "Required for STANDARD (signs every delivery); for DINGTALK the robot's 加签 secret "
                + "(SEC…), optional; for WECOM optional (WeCom robots have no signing); absent for EMAIL")
        @Size(max = 200) String secret,
        @Size(max = 50) List<String> teams,
        @Size(max = 50) List<String> eventTypes,
        WebhookFormat format,
        @Schema(description = "The address to write to: required for EMAIL, absent otherwise")
        @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an e-mail address")
        String email) {
}
