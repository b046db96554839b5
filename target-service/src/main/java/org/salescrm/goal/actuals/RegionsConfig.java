package org.salescrm.goal.actuals;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which region each team belongs to ({@code crm.regions.<team>=<region>}): tokens carry a team,
 * never a region, so REGION goals and the region a rep may see are read from here.
 */
@ConfigMapping(prefix = "crm.regions")
public interface RegionsConfig {

    @WithParentName
    Map<String, String> teams();

    default String regionOf(String team) {
        return team == null ? null : teams().get(team);
    }

    default Set<String> teamsOf(String region) {
        Set<String> teams = new TreeSet<>();
        teams().forEach((team, r) -> {
            if (r.equals(region)) {
                teams.add(team);
            }
        });
        return teams;
    }
}
