package org.salescrm.customer.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The contract of a won deal: its number, signing date, amount, terms and payment plan (summing to the amount). */
public record ContractRequest(
        @NotBlank @Size(max = 200) String number,
        @NotNull LocalDate signedOn,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 16, fraction = 2) BigDecimal amount,
        @Size(max = 2000) String terms,
        @NotNull @Size(min = 1, max = 120) List<@Valid @NotNull InstalmentRequest> instalments) {

    /** One instalment of the plan. */
    public record InstalmentRequest(
            @NotNull LocalDate dueOn,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 16, fraction = 2) BigDecimal amount) {
    }
}
