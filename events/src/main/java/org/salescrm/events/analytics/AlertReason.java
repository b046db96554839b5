package org.salescrm.events.analytics;

import java.math.BigDecimal;

/**
 * One cause of an alert, in plain words with its numbers, e.g. {@code IDLE}: 12 days without
 * activity against 7 allowed. value and threshold are null for causes that have no number.
 */
public record AlertReason(String code, String message, BigDecimal value, BigDecimal threshold) {
}
