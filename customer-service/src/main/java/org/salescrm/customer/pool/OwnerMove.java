package org.salescrm.customer.pool;

import org.salescrm.customer.history.CustomerChange;

/**
 * One change of owner as the history and the event tell it.
 *
 * @param toOwnerId the new owner, null for the pool
 * @param historyChange how the history names it (a transfer is OWNER_CHANGED)
 * @param eventChange how CustomerOwnerChanged names it (CLAIMED, RELEASED, TRANSFERRED, RECLAIMED)
 * @param opportunitiesFollow whether the customer's open opportunities move to the new owner too
 */
record OwnerMove(String toOwnerId, String toTeam, CustomerChange historyChange, String eventChange, String reason,
                 String by, boolean opportunitiesFollow) {

    static final String SYSTEM = "system";

    static OwnerMove claim(String rep, String team) {
        return new OwnerMove(rep, team, CustomerChange.CLAIMED, "CLAIMED", null, rep, true);
    }

    static OwnerMove release(String reason, String by) {
        return new OwnerMove(null, null, CustomerChange.RELEASED, "RELEASED", reason, by, false);
    }

    static OwnerMove transfer(String toOwnerId, String toTeam, String reason, String by) {
        return new OwnerMove(toOwnerId, toTeam, CustomerChange.OWNER_CHANGED, "TRANSFERRED", reason, by, true);
    }

    static OwnerMove reclaim(String reason) {
        return new OwnerMove(null, null, CustomerChange.RECLAIMED, "RECLAIMED", reason, SYSTEM, false);
    }
}
