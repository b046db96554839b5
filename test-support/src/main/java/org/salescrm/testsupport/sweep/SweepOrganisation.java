package org.salescrm.testsupport.sweep;

import java.util.ArrayList;
import java.util.List;
import org.salescrm.testsupport.TestTokens;

/**
 * The people a sweep acts as: three teams of three reps, a manager per team and an admin, named
 * with a prefix of their own so that a sweep's records never meet another test's. The records a
 * sweep aims at belong to the first rep of the first team ({@link #owner()}).
 */
public record SweepOrganisation(String prefix) {

    public static final int TEAMS = 3;
    public static final int REPS_PER_TEAM = 3;

    public String team(int team) {
        return prefix + "-team-" + team;
    }

    public String rep(int team, int rep) {
        return prefix + "-t" + team + "-rep-" + rep;
    }

    public String manager(int team) {
        return prefix + "-t" + team + "-mgr";
    }

    public String admin() {
        return prefix + "-admin";
    }

    /** The rep who owns every record a sweep aims at. */
    public String owner() {
        return rep(0, 0);
    }

    public String ownerTeam() {
        return team(0);
    }

    public String repToken(int team, int rep) {
        return TestTokens.rep(rep(team, rep), team(team));
    }

    public String managerToken(int team) {
        return TestTokens.manager(manager(team), team(team));
    }

    public String adminToken() {
        return TestTokens.admin(admin());
    }

    public String ownerToken() {
        return repToken(0, 0);
    }

    /**
     * Everyone who may not reach the owner's records: the other reps of the owner's team, and the
     * reps and managers of the other teams.
     */
    public List<Person> outsiders() {
        List<Person> outsiders = new ArrayList<>();
        for (int team = 0; team < TEAMS; team++) {
            for (int rep = 0; rep < REPS_PER_TEAM; rep++) {
                if (team != 0 || rep != 0) {
                    outsiders.add(new Person(rep(team, rep), repToken(team, rep)));
                }
            }
            if (team != 0) {
                outsiders.add(new Person(manager(team), managerToken(team)));
            }
        }
        return outsiders;
    }

    /** A user of the sweep and the bearer token they call with. */
    public record Person(String name, String token) {
    }
}
