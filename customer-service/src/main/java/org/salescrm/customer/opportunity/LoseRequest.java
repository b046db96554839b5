package org.salescrm.customer.opportunity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the opportunity was lost. */
public record LoseRequest(@NotBlank @Size(max = 2000) String reason) {
}
