package org.salescrm.goal.actuals;

import java.util.Set;

/**
 * Which facts a total covers; null means any. {@code teams} empty covers nothing (a region no team
 * is mapped to).
 */
public record Slice(String repId, Set<String> teams, String productLine) {

    public static Slice everything() {
        return new Slice(null, null, null);
    }

    public static Slice rep(String repId) {
        return new Slice(repId, null, null);
    }

    public static Slice teams(Set<String> teams) {
        return new Slice(null, Set.copyOf(teams), null);
    }

    public static Slice productLine(String productLine, String team) {
        return new Slice(null, team == null ? null : Set.of(team), productLine);
    }
}
