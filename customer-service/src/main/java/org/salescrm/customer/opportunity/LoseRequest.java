package org.salescrm.customer.opportunity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the opportunity was lost, and to which competitor when known (counted in the competitors report). */
public record LoseRequest(@NotBlank @Size(max = 2000) String reason, @Size(max = 200) String competitor) {
}
