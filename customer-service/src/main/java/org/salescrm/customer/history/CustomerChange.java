package org.salescrm.customer.history;

/** The kinds of change a customer's history records. OWNER_CHANGED is a transfer by a manager or admin. */
public enum CustomerChange {
    CREATED, UPDATED, OWNER_CHANGED, RELEASED, CLAIMED, RECLAIMED
}
