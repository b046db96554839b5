package org.salescrm.platform.security;

/** The roles a token may carry; the names are the claim values and the {@code @RolesAllowed} strings. */
public enum Role {
    REP, MANAGER, ADMIN;

    public static final String REP_NAME = "rep";
    public static final String MANAGER_NAME = "manager";
    public static final String ADMIN_NAME = "admin";

    public String claimValue() {
        return name().toLowerCase();
    }
}
