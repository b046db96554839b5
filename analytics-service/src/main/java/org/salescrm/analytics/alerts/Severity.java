package org.salescrm.analytics.alerts;

/** How urgent an alert is; the mapping from causes to severity is in the module README. */
public enum Severity {
    LOW, MEDIUM, HIGH
}
