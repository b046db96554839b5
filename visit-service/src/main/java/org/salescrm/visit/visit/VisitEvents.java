package org.salescrm.visit.visit;

import java.util.List;
import org.salescrm.events.EventIds;
import org.salescrm.events.visit.VisitCorrected;
import org.salescrm.events.visit.VisitLogged;

/** The events a visit's changes publish; occurredAt is the visit's business time. */
final class VisitEvents {

    private VisitEvents() {
    }

    static VisitLogged logged(Visit v) {
        return new VisitLogged(EventIds.next(), v.id, v.version, v.ownerId, v.ownerTeam, v.occurredAt,
                v.customerId, v.opportunityId, v.method.name(), v.keyPersonIds, v.purpose, v.purposeAchieved,
                v.sentiment == null ? null : v.sentiment.name(), v.effective, v.lateEntry, v.loggedAt,
                v.durationMinutes, v.followUpId);
    }

    /** The correction happened now; visitOccurredAt keeps the visit's own day for counts. */
    static VisitCorrected corrected(Visit v, List<String> changedFields, String by) {
        return new VisitCorrected(EventIds.next(), v.id, v.version, v.ownerId, v.ownerTeam, v.updatedAt,
                v.customerId, v.occurredAt, changedFields, v.sentiment == null ? null : v.sentiment.name(),
                v.purposeAchieved, v.effective, by);
    }
}
