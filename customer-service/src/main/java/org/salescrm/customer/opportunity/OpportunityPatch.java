package org.salescrm.customer.opportunity;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * The business fields a client may change. Name, amount and expected close date can be changed
 * but not cleared; the others may be cleared unless the stage reached needs them as evidence.
 */
public record OpportunityPatch(
        @NotBlank @Size(max = 200) String name,
        @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal amount,
        @NotNull LocalDate expectedCloseDate,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal budget,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal quoteAmount,
        LocalDate contractSignedOn,
        LocalDate firstPaymentOn) {

    /** The stage moves through its own request; the rest is the server's. */
    static final Set<String> SERVER_OWNED = Set.of("id", "customerId", "openedOn",
            "stage", "status", "probability", "stageEnteredAt", "lostReason", "closedAt", "ownerId", "ownerTeam",
            "version", "createdAt", "updatedAt");
}
