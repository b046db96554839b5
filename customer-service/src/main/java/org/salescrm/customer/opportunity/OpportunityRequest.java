package org.salescrm.customer.opportunity;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What a client may send to open an opportunity; owner, stage, status, version and timestamps are the server's. */
public record OpportunityRequest(
        @NotNull UUID customerId,
        @NotBlank @Size(max = 200) String name,
        @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal amount,
        @NotNull LocalDate expectedCloseDate,
        @Size(max = 2000) String productLine,
        @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as CNY") String currency,
        LocalDate openedOn) {
}
