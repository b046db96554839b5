package org.salescrm.goal.goal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.security.Visibility;

/**
 * Which goals a caller sees (API.md "Who sees goals"): a rep, their own goals and those above them
 * (their team's, their team's product goals, their region's, the company's and company-wide product
 * goals); a manager, everything in their teams plus what is above them; an admin, all. A region is
 * the one the caller's team is in today (the organisation's current structure), and a region's head
 * sees the region's goals.
 */
final class GoalVisibility {

    /** The regions the caller's teams are in today. */
    private static final String REGIONS_OF_TEAMS = """
            select t.region from TeamVersion t where t.team in :vCallerTeams
              and t.effectiveFrom = (select max(o.effectiveFrom) from TeamVersion o
                                     where o.team = t.team and o.effectiveFrom <= :vToday)""";

    /** The regions the caller heads today. */
    private static final String REGIONS_HEADED = """
            select r.region from RegionVersion r where r.headId = :vCallerId
              and r.effectiveFrom = (select max(o.effectiveFrom) from RegionVersion o
                                     where o.region = r.region and o.effectiveFrom <= :vToday)""";

    private GoalVisibility() {
    }

    static Visibility of(Caller caller, LocalDate today) {
        if (caller.isAdmin()) {
            return new Visibility("1 = 1", Map.of());
        }
        Set<String> teams = new TreeSet<>(caller.visibleTeams());
        if (caller.team() != null) {
            teams.add(caller.team());
        }
        List<String> any = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        any.add("scopeLevel = :vCompany");
        params.put("vCompany", ScopeLevel.COMPANY);
        any.add("(scopeLevel = :vProduct and ownerTeam is null)");
        params.put("vProduct", ScopeLevel.PRODUCT);
        any.add("(scopeLevel = :vRep and scopeId = :vCallerId)");
        params.put("vRep", ScopeLevel.REP);
        params.put("vCallerId", caller.id());
        any.add("(scopeLevel = :vRegion and (scopeId in (" + REGIONS_OF_TEAMS + ") or scopeId in (" + REGIONS_HEADED
                + ")))");
        params.put("vRegion", ScopeLevel.REGION);
        params.put("vToday", today);
        params.put("vCallerTeams", teams.isEmpty() ? Set.of("") : teams);
        if (caller.isManager() && !caller.visibleTeams().isEmpty()) {
            any.add("ownerTeam in :vManagedTeams");
            params.put("vManagedTeams", caller.visibleTeams());
        } else if (caller.team() != null) {
            // a rep sees their team's goals and its product goals, not their peers' own goals
            any.add("(ownerTeam = :vTeam and scopeLevel in :vTeamLevels)");
            params.put("vTeam", caller.team());
            params.put("vTeamLevels", List.of(ScopeLevel.TEAM, ScopeLevel.PRODUCT));
        }
        return new Visibility("(" + String.join(" or ", any) + ")", params);
    }
}
