package org.salescrm.customer.competitor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A competitor as the rep records it on a deal. */
public record CompetitorRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String strengths,
        @Size(max = 2000) String weaknesses,
        @Pattern(regexp = "^(LOWER|SIMILAR|HIGHER)$", message = "must be LOWER, SIMILAR or HIGHER") String pricePosition) {
}
