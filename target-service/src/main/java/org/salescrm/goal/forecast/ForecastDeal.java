package org.salescrm.goal.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An open deal expected to close inside the goal's period; probability in percent, as customer-service set it. */
public record ForecastDeal(
        UUID opportunityId,
        String name,
        UUID customerId,
        String ownerId,
        String stage,
        BigDecimal amount,
        LocalDate expectedCloseDate,
        int probability) {
}
