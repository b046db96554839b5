package org.salescrm.customer.playbook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** One item as an admin writes it. */
public record PlaybookItemRequest(
        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,59}$",
                message = "must be lower-case letters, digits and hyphens, at most 60") String key,
        @NotNull @Valid PlaybookTitle title,
        @NotNull Boolean required,
        @NotNull Boolean gate,
        @NotNull @Pattern(regexp = "^(DATA|TICK)$", message = "must be DATA or TICK") String proof) {
}
