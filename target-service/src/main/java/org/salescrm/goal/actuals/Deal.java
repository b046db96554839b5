package org.salescrm.goal.actuals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An opportunity as the replica holds it; probability in percent, as customer-service last set it. */
public record Deal(
        UUID opportunityId,
        String name,
        UUID customerId,
        String ownerId,
        String stage,
        String status,
        BigDecimal amount,
        String productLine,
        LocalDate expectedCloseDate,
        LocalDate closedOn,
        String lostReason,
        String lostCompetitor,
        Integer probability) {
}
