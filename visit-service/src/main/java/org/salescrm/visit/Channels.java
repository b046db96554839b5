package org.salescrm.visit;

/** Incoming channel names, as configured in application.properties. */
public final class Channels {

    public static final String CUSTOMERS = "customers";

    private Channels() {
    }
}
