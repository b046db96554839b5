package org.salescrm.goal.goal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.security.Visibility;
import org.salescrm.goal.actuals.RegionsConfig;

/**
 * Which goals a caller sees (API.md "Who sees goals"): a rep, their own goals and those above them
 * (their team's, their team's product goals, their region's, the company's and company-wide product
 * goals); a manager, everything in their teams plus what is above them; an admin, all.
 */
final class GoalVisibility {

    private GoalVisibility() {
    }

    static Visibility of(Caller caller, RegionsConfig regions) {
        if (caller.isAdmin()) {
            return new Visibility("1 = 1", Map.of());
        }
        Set<String> teams = new TreeSet<>(caller.visibleTeams());
        if (caller.team() != null) {
            teams.add(caller.team());
        }
        Set<String> callerRegions = new TreeSet<>();
        teams.forEach(team -> {
            String region = regions.regionOf(team);
            if (region != null) {
                callerRegions.add(region);
            }
        });
        List<String> any = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        any.add("scopeLevel = :vCompany");
        params.put("vCompany", ScopeLevel.COMPANY);
        any.add("(scopeLevel = :vProduct and ownerTeam is null)");
        params.put("vProduct", ScopeLevel.PRODUCT);
        any.add("(scopeLevel = :vRep and scopeId = :vCallerId)");
        params.put("vRep", ScopeLevel.REP);
        params.put("vCallerId", caller.id());
        if (!callerRegions.isEmpty()) {
            any.add("(scopeLevel = :vRegion and scopeId in :vRegions)");
            params.put("vRegion", ScopeLevel.REGION);
            params.put("vRegions", callerRegions);
        }
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
