package org.salescrm.goal;

/** Incoming channel names, as configured in application.properties. */
public final class Channels {

    public static final String OPPORTUNITIES = "opportunities";
    public static final String CUSTOMERS = "customers";
    public static final String VISITS = "visits";
    public static final String FOLLOW_UPS = "follow-ups";

    private Channels() {
    }
}
