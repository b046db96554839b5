package org.salescrm.goal.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An improvement action as the manager writes it. {@code id} names an action the review already
 * has (kept, with its follow-up and status); without one the action is new. {@code asFollowUp}
 * makes it a follow-up of {@code customerId} in visit-service; {@code done} marks an action that is
 * not a follow-up done (a follow-up's status follows the follow-up).
 */
public record ActionRequest(
        UUID id,
        @NotBlank @Size(max = 2000) String action,
        @NotBlank @Size(max = 200) String ownerId,
        @NotNull LocalDate dueOn,
        Boolean asFollowUp,
        UUID customerId,
        UUID opportunityId,
        Boolean done) {
}
