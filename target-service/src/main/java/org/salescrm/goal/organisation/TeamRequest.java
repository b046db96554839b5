package org.salescrm.goal.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * PUT /organisation/teams/{team}: the team from {@code effectiveFrom} on. {@code reportsTo} names the
 * manager's superior when it is not the region's head; left out, the head of the region is.
 */
public record TeamRequest(
        @NotBlank @Size(max = 200) String region,
        @Size(max = 200) String managerId,
        @Size(max = 200) String reportsTo,
        @NotNull LocalDate effectiveFrom) {
}
