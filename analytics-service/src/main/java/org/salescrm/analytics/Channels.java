package org.salescrm.analytics;

/** Incoming channel names, as configured in application.properties. */
public final class Channels {

    public static final String CUSTOMERS = "customers";

    private Channels() {
    }
}
