package org.salescrm.visit.followup;

import java.time.Instant;
import org.salescrm.events.EventIds;
import org.salescrm.events.visit.FollowUpCompleted;
import org.salescrm.events.visit.FollowUpCreated;
import org.salescrm.events.visit.FollowUpOverdue;
import org.salescrm.events.visit.FollowUpReassigned;

/** The events a follow-up's changes publish. */
final class FollowUpEvents {

    private FollowUpEvents() {
    }

    static FollowUpCreated created(FollowUp f) {
        return new FollowUpCreated(EventIds.next(), f.id, f.version, f.ownerId, f.ownerTeam, f.createdAt,
                f.customerId, f.opportunityId, f.visitId, f.assigneeId, f.action, f.dueOn);
    }

    static FollowUpCompleted completed(FollowUp f) {
        return new FollowUpCompleted(EventIds.next(), f.id, f.version, f.ownerId, f.ownerTeam, f.completedAt,
                f.customerId, f.opportunityId, f.assigneeId, f.action, f.result, f.completedAt, f.dueOn);
    }

    /** Overdue changes no state a client sets: the event repeats the follow-up's version. */
    static FollowUpOverdue overdue(FollowUp f, Instant becameOverdueAt) {
        return new FollowUpOverdue(EventIds.next(), f.id, f.version, f.ownerId, f.ownerTeam, becameOverdueAt,
                f.customerId, f.opportunityId, f.assigneeId, f.dueOn, f.action);
    }

    /** Business time is the owner change's, so figures move the follow-up from the moment the customer did. */
    static FollowUpReassigned reassigned(FollowUp f, String previousAssignee, String previousOwner, String change,
                                         Instant at) {
        return new FollowUpReassigned(EventIds.next(), f.id, f.version, f.ownerId, f.ownerTeam, at, f.customerId,
                f.opportunityId, f.assigneeId, previousAssignee, previousOwner, change, f.action, f.dueOn);
    }
}
