package org.salescrm.visit.followup;

import java.time.LocalDate;

/** What a client reads: an open follow-up whose due date has passed (in business days) is OVERDUE. */
public enum FollowUpStatus {
    OPEN, DONE, OVERDUE;

    public static FollowUpStatus of(FollowUp f, LocalDate today) {
        if (FollowUp.DONE.equals(f.status)) {
            return DONE;
        }
        return f.dueOn.isBefore(today) ? OVERDUE : OPEN;
    }
}
