package org.salescrm.customer.pool;

/** What one run of the reclaim job did. */
public record ReclaimPass(boolean ran, int warned, int reclaimed) {

    static final ReclaimPass SKIPPED = new ReclaimPass(false, 0, 0);

    ReclaimPass plus(ReclaimPass next) {
        return new ReclaimPass(ran || next.ran, warned + next.warned, reclaimed + next.reclaimed);
    }

    int handled() {
        return warned + reclaimed;
    }
}
