package org.salescrm.customer.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An opportunity as clients see it. */
public record OpportunityView(
        UUID id,
        UUID customerId,
        String name,
        BigDecimal amount,
        String currency,
        String productLine,
        LocalDate expectedCloseDate,
        LocalDate openedOn,
        String stage,
        String status,
        int probability,
        Instant stageEnteredAt,
        BigDecimal budget,
        BigDecimal quoteAmount,
        LocalDate contractSignedOn,
        LocalDate firstPaymentOn,
        String lostReason,
        String lostTo,
        Instant closedAt,
        String ownerId,
        String ownerTeam,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static OpportunityView of(Opportunity o) {
        return new OpportunityView(o.id, o.customerId, o.name, plain(o.amount), o.currency, o.productLine,
                o.expectedCloseDate, o.openedOn, o.stage.name(), o.status.name(), o.probability, o.stageEnteredAt,
                plain(o.budget), plain(o.quoteAmount), o.contractSignedOn, o.firstPaymentOn, o.lostReason, o.lostTo, o.closedAt, o.ownerId,
                o.ownerTeam, o.version, o.createdAt, o.updatedAt);
    }

    /** 120000.00 as stored reads 120000, as it was sent; never in exponent form. */
    static BigDecimal plain(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
