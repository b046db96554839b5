package org.salescrm.customer.contract;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Money received against one instalment of the contract; at most what is still outstanding on it. */
public record PaymentRequest(
        @NotNull LocalDate receivedOn,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 16, fraction = 2) BigDecimal amount,
        @NotNull UUID instalmentId) {
}
