package org.salescrm.goal.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An action as clients see it: {@code status} OPEN, DONE, or OVERDUE for an open one past its due
 * date; {@code followUpId} is the follow-up it became (the action's own id) when assigned as one.
 */
public record ActionView(
        UUID id,
        String action,
        String ownerId,
        LocalDate dueOn,
        boolean asFollowUp,
        UUID followUpId,
        UUID customerId,
        UUID opportunityId,
        String status,
        Instant doneAt,
        String result) {

    static ActionView of(ReviewAction a, LocalDate today) {
        String status = ReviewAction.OPEN.equals(a.status) && a.dueOn.isBefore(today) ? "OVERDUE" : a.status;
        return new ActionView(a.id, a.action, a.ownerId, a.dueOn, a.asFollowUp, a.asFollowUp ? a.id : null,
                a.customerId, a.opportunityId, status, a.doneAt, a.result);
    }
}
