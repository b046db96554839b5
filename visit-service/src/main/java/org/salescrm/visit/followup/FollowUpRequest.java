package org.salescrm.visit.followup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** A follow-up created directly; the assignee defaults to the caller. */
public record FollowUpRequest(
        @NotNull UUID customerId,
        @NotBlank @Size(max = 2000) String action,
        @NotNull LocalDate dueOn,
        UUID opportunityId,
        @Size(max = 200) String assigneeId) {
}
