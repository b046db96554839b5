package org.salescrm.local;

import java.util.List;

/** The demo users of the realm ({@code deploy/keycloak/crm-realm.json}); all have the password {@code demo}. */
public final class DemoUsers {

    public static final String PASSWORD = "demo";
    public static final String ADMIN = "admin";
    public static final String MGR_EAST = "mgr-east";
    public static final String MGR_WEST = "mgr-west";
    /** Head of both demo regions (销售总监): the managers of east and west report to them. */
    public static final String DIRECTOR = "director";
    public static final String REP_EAST_1 = "rep-east-1";
    public static final String REP_EAST_2 = "rep-east-2";
    public static final String REP_WEST_1 = "rep-west-1";

    public static final List<String> USERNAMES = List.of(ADMIN, MGR_EAST, MGR_WEST, DIRECTOR, REP_EAST_1, REP_EAST_2, REP_WEST_1);

    /** One line per user for the banner: who they are and what they may do. */
    static final List<String> DESCRIPTIONS = List.of(
            "admin        admin     sees and changes everything",
            "mgr-east     manager   team east",
            "mgr-west     manager   team west",
            "director     manager   team hq; head of regions east and west (escalations reach them)",
            "rep-east-1   rep       team east",
            "rep-east-2   rep       team east",
            "rep-west-1   rep       team west");

    private DemoUsers() {
    }
}
