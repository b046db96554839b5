package org.salescrm.analytics;

/** Incoming channel names, as configured in application.properties. */
public final class Channels {

    public static final String CUSTOMERS = "customers";
    public static final String OPPORTUNITIES = "opportunities";
    public static final String VISITS = "visits";
    public static final String FOLLOW_UPS = "follow-ups";
    public static final String ORGANISATION = "organisation";

    private Channels() {
    }
}
