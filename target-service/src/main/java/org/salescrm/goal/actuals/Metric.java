package org.salescrm.goal.actuals;

/** What a goal counts; each is summed from this service's own facts, fed by events. */
public enum Metric {
    /** Amount of opportunities won, on the business date they were won. */
    REVENUE,
    /** Customers created with an owner, on the business date they were created. */
    NEW_CUSTOMERS,
    VISITS,
    EFFECTIVE_VISITS,
    WON_DEALS
}
