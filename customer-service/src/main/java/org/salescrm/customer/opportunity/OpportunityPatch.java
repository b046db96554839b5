package org.salescrm.customer.opportunity;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The business fields a client may change; a field left out (or null) stays as it is. */
public record OpportunityPatch(
        @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal amount,
        LocalDate expectedCloseDate,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal budget,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal quoteAmount,
        LocalDate contractSignedOn,
        LocalDate firstPaymentOn) {
}
