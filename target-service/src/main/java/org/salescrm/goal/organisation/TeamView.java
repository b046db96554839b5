package org.salescrm.goal.organisation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A team as it stands on a day: {@code id} is its code (the tokens' {@code team}), {@code reportsTo}
 * whom its manager reports to that day, and {@code reportsToRegionHead} whether that is the region's
 * head (true) or someone an admin named (false).
 */
public record TeamView(String id, long version, String region, String managerId, String reportsTo,
                       boolean reportsToRegionHead, LocalDate effectiveFrom, Instant createdAt, Instant updatedAt) {

    static TeamView of(TeamVersion t, RegionVersion region) {
        boolean toHead = t.reportsTo == null;
        String superior = toHead ? (region == null ? null : region.headId) : t.reportsTo;
        return new TeamView(t.team, t.version, t.region, t.managerId, superior, toHead, t.effectiveFrom, t.createdAt,
                t.updatedAt);
    }
}
