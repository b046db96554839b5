package org.salescrm.goal.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A region as it stands on a day: {@code id} is its code, {@code teams} the codes of the teams in it that day. */
public record RegionView(String id, long version, String name, String headId, LocalDate effectiveFrom,
                         List<String> teams, Instant createdAt, Instant updatedAt) {

    static RegionView of(RegionVersion r, List<String> teams) {
        return new RegionView(r.region, r.version, r.name, r.headId, r.effectiveFrom, List.copyOf(teams), r.createdAt,
                r.updatedAt);
    }
}
