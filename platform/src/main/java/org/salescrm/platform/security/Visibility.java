package org.salescrm.platform.security;

import java.util.HashMap;
import java.util.Map;

/**
 * The part of a query that keeps a caller to the records they may see: an admin all, a manager
 * their own and their teams', a rep their own. Put in the query itself, so a record out of reach
 * is simply not found (404), exactly like one that does not exist.
 *
 * @param clause an HQL condition on the entity's {@code ownerId} and {@code ownerTeam} fields
 * @param parameters the named parameters the clause uses
 */
public record Visibility(String clause, Map<String, Object> parameters) {

    public static Visibility of(Caller caller) {
        return of(caller, "ownerId", "ownerTeam");
    }

    public static Visibility of(Caller caller, String ownerField, String teamField) {
        if (caller.isAdmin()) {
            return new Visibility("1 = 1", Map.of());
        }
        if (caller.isManager() && !caller.visibleTeams().isEmpty()) {
            return new Visibility("(" + ownerField + " = :callerId or " + teamField + " in :callerTeams)",
                    Map.of("callerId", caller.id(), "callerTeams", caller.visibleTeams()));
        }
        return new Visibility(ownerField + " = :callerId", Map.of("callerId", caller.id()));
    }

    /** Widens the scope with another condition, such as "or in the public pool". */
    public Visibility or(String condition) {
        return new Visibility("(" + clause + " or " + condition + ")", parameters);
    }

    /** A full where-clause: the given condition, within reach of the caller. */
    public String where(String condition) {
        return "(" + condition + ") and " + clause;
    }

    /** The clause's parameters plus one of the caller's own. */
    public Map<String, Object> with(String name, Object value) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put(name, value);
        return all;
    }
}
