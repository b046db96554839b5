package org.salescrm.visit.plan;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * The day's customers, in the order the rep means to visit them; the whole plan is replaced.
 * {@code reason} is required when a manager corrects a day already past, and kept in the history.
 */
public record VisitPlanRequest(@NotNull @Size(max = 100) List<@NotNull UUID> customerIds,
                               @Size(max = 2000) String reason) {
}
