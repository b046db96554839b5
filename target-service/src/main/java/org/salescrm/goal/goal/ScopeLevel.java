package org.salescrm.goal.goal;

/** The level of the organisation a goal is set for; the scope id names the team, region, product line or rep. */
public enum ScopeLevel {
    COMPANY, REGION, TEAM, PRODUCT, REP
}
