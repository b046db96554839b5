package org.salescrm.visit;

/** Incoming channel names, as configured in application.properties. */
public final class Channels {

    public static final String CUSTOMERS = "customers";
    public static final String OPPORTUNITIES = "opportunities";
    public static final String GOALS = "goals";

    private Channels() {
    }
}
