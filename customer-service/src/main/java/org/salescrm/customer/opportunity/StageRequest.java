package org.salescrm.customer.opportunity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A move through the funnel; {@code occurredAt} (default now) lets an import replay a past move. */
public record StageRequest(
        @NotBlank @Pattern(regexp = "^(TARGET|POTENTIAL|INTENT|PROJECT|ACKNOWLEDGED|NEGOTIATION|WON)$",
                message = "must be one of TARGET, POTENTIAL, INTENT, PROJECT, ACKNOWLEDGED, NEGOTIATION, WON"
                        + " (use /lose to lose it)") String stage,
        @Size(max = 2000) String reason,
        Instant occurredAt) {
}
