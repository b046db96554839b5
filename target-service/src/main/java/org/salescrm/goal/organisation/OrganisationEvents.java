package org.salescrm.goal.organisation;

import java.time.Instant;
import org.salescrm.events.EventIds;
import org.salescrm.events.target.Organisation;
import org.salescrm.events.target.RegionChanged;
import org.salescrm.events.target.TeamChanged;

/** The events an organisation change publishes, with the outbox, in the change's own transaction. */
final class OrganisationEvents {

    private OrganisationEvents() {
    }

    static RegionChanged regionChanged(RegionVersion r, Instant now) {
        return new RegionChanged(EventIds.next(), Organisation.regionId(r.region), r.version, r.headId, null, now,
                r.region, r.name, r.headId, r.effectiveFrom, r.changedBy);
    }

    static TeamChanged teamChanged(TeamVersion t, Instant now) {
        return new TeamChanged(EventIds.next(), Organisation.teamId(t.team), t.version, t.managerId, t.team, now,
                t.team, t.region, t.managerId, t.reportsTo, t.effectiveFrom, t.changedBy);
    }
}
