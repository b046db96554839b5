package org.salescrm.customer.opportunity;

/** The seven funnel stages, in order; LOST is a status, not a stage. */
public enum Stage {
    TARGET, POTENTIAL, INTENT, PROJECT, ACKNOWLEDGED, NEGOTIATION, WON;

    public boolean isBefore(Stage other) {
        return ordinal() < other.ordinal();
    }

    /** Whether reaching {@code target} from here passes (or lands on) this stage's mark. */
    public boolean isReachedBy(Stage target) {
        return ordinal() <= target.ordinal();
    }
}
