package org.salescrm.customer.history;

/**
 * The kinds of change a customer's history records. OWNER_CHANGED is a transfer by a manager or admin;
 * DELETED and RESTORED are the soft delete and its undoing.
 */
public enum CustomerChange {
    CREATED, UPDATED, OWNER_CHANGED, RELEASED, CLAIMED, RECLAIMED, DELETED, RESTORED
}
