package org.salescrm.goal.goal;

import org.salescrm.events.EventIds;
import org.salescrm.events.target.GoalAcknowledged;
import org.salescrm.events.target.GoalSet;

/** The events a goal's changes publish on crm.goals. */
final class GoalEvents {

    private GoalEvents() {
    }

    static GoalSet set(Goal g) {
        return new GoalSet(EventIds.next(), g.id, g.version, g.ownerId, g.ownerTeam, g.createdAt, g.period,
                g.metric.name(), g.scopeLevel.name(), g.scopeId, g.target, g.parentId, g.createdBy);
    }

    static GoalAcknowledged acknowledged(Goal g) {
        return new GoalAcknowledged(EventIds.next(), g.id, g.version, g.ownerId, g.ownerTeam, g.acknowledgedAt,
                g.acknowledgedBy, g.acknowledgedAt);
    }
}
