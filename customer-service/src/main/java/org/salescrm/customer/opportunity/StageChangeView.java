package org.salescrm.customer.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of an opportunity's stage history. {@code daysInStage} is how long it stayed in
 * {@code to}: until the next entry, or until now while it is still there; null for WON and LOST,
 * which it never leaves. {@code from} is null on the opening entry.
 */
public record StageChangeView(
        UUID id,
        String from,
        String to,
        Instant at,
        String by,
        String reason,
        boolean backward,
        BigDecimal daysInStage) {
}
