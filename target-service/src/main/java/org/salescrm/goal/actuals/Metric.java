package org.salescrm.goal.actuals;

/**
 * What a goal counts. The sums are totals of this service's own facts, fed by events; the two
 * rates are ratios (1.1 = 110%) computed from those facts, never summed.
 */
public enum Metric {
    /** Amount of opportunities won, on the business date they were won. */
    REVENUE,
    /** Customers created with an owner, on the business date they were created. */
    NEW_CUSTOMERS,
    VISITS,
    EFFECTIVE_VISITS,
    WON_DEALS,
    /** Money collected (回款额): payments received, on the day they came in. */
    COLLECTED,
    /** Deals won ÷ deals closed (won or lost) in the period. */
    CONVERSION_RATE,
    /** Customers won in the previous period that were won again or visited in this one ÷ those customers. */
    RETENTION_RATE;

    public boolean isRate() {
        return this == CONVERSION_RATE || this == RETENTION_RATE;
    }
}
