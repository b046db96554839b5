package org.salescrm.customer.opportunity;

/** OPEN while in the funnel; WON and LOST are final. */
public enum OpportunityStatus {
    OPEN, WON, LOST
}
