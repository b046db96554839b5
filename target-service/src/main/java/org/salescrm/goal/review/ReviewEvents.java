package org.salescrm.goal.review;

import org.salescrm.events.EventIds;
import org.salescrm.events.target.ReviewActionAssigned;

/** The events a review's changes publish on crm.goals. */
final class ReviewEvents {

    private ReviewEvents() {
    }

    /** Carries the review's version after the write that assigned the action. */
    static ReviewActionAssigned assigned(Review r, ReviewAction a, String by) {
        return new ReviewActionAssigned(EventIds.next(), r.id, r.version, a.ownerId, r.ownerTeam, r.updatedAt,
                a.id, r.scopeLevel.name(), r.scopeId, r.period, a.action, a.dueOn, a.customerId, a.opportunityId, by);
    }
}
