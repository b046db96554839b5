package org.salescrm.platform.security;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who is calling, from the bearer token: user id ({@code sub}), roles, own team and, for a
 * manager, the teams they lead ({@code teams} claim; their own team counts too).
 */
public record Caller(String id, Set<Role> roles, String team, Set<String> managedTeams) {

    public Caller {
        roles = Set.copyOf(roles);
        managedTeams = Set.copyOf(managedTeams);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean isManager() {
        return roles.contains(Role.MANAGER);
    }

    /** The teams whose records a manager sees; empty for a rep. */
    public Set<String> visibleTeams() {
        if (!isManager()) {
            return Set.of();
        }
        Set<String> teams = new LinkedHashSet<>(managedTeams);
        if (team != null) {
            teams.add(team);
        }
        return teams;
    }

    /** The same rule as {@link Visibility}, for a record already in memory. */
    public boolean canSee(String ownerId, String ownerTeam) {
        return isAdmin() || id.equals(ownerId) || (ownerTeam != null && visibleTeams().contains(ownerTeam));
    }
}
