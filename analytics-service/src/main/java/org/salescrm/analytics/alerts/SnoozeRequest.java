package org.salescrm.analytics.alerts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * POST /alerts/{id}/snooze: until when (an instant, or a date meaning its start in business time; in
 * the future) and why (required).
 */
public record SnoozeRequest(@NotNull String until, @NotBlank @Size(max = 2000) String reason) {
}
