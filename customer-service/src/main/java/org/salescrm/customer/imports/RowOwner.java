package org.salescrm.customer.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.security.Caller;

/**
 * Whom an imported row is created for. The owner gets the customer and the credit for it as a
 * new customer, not the manager who uploaded the file. A rep imports only for themselves; a
 * manager for reps of a team they manage ({@code ownerTeam}, which may be left out when they
 * manage one team); an admin for anyone, naming the team. No {@code ownerId}: the importer.
 */
record RowOwner(String ownerId, String ownerTeam, List<FieldViolation> violations) {

    private static final int MAX_LENGTH = 200;

    static RowOwner of(String ownerId, String ownerTeam, Caller caller) {
        if (ownerId == null || ownerId.equals(caller.id())) {
            return new RowOwner(caller.id(), caller.team(), List.of());
        }
        List<FieldViolation> violations = new ArrayList<>();
        if (ownerId.length() > MAX_LENGTH) {
            violations.add(new FieldViolation("ownerId", "Size", "at most " + MAX_LENGTH + " characters"));
        }
        if (!caller.isManager() && !caller.isAdmin()) {
            violations.add(new FieldViolation("ownerId", "self", "a rep imports customers for themselves only"));
            return new RowOwner(null, null, violations);
        }
        String team = ownerTeam != null ? ownerTeam : onlyManagedTeam(caller);
        if (team == null) {
            violations.add(new FieldViolation("ownerTeam", "required", "name the owner's team"));
        } else if (!caller.isAdmin() && !caller.visibleTeams().contains(team)) {
            violations.add(new FieldViolation("ownerTeam", "managed", "not a team you manage"));
        }
        return new RowOwner(ownerId, team, violations);
    }

    private static String onlyManagedTeam(Caller caller) {
        if (caller.isAdmin()) {
            return null;
        }
        Set<String> teams = caller.visibleTeams();
        return teams.size() == 1 ? teams.iterator().next() : null;
    }
}
