package org.salescrm.analytics;

/** Incoming channel names, as configured in application.properties. */
public final class Channels {

    /** crm.customers, crm.opportunities, crm.visits and crm.follow-ups: every event keyed by its customer. */
    public static final String FACTS = "facts";
    public static final String ORGANISATION = "organisation";

    private Channels() {
    }
}
