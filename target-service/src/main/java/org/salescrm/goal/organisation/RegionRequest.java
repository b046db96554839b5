package org.salescrm.goal.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** PUT /organisation/regions/{region}: the region from {@code effectiveFrom} on; {@code headId} null: no head. */
public record RegionRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String headId,
        @NotNull LocalDate effectiveFrom) {
}
