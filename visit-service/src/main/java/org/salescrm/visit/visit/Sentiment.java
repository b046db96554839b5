package org.salescrm.visit.visit;

/** How willing to talk the customer was. */
public enum Sentiment {
    POSITIVE, NEUTRAL, NEGATIVE
}
