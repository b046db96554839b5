package org.salescrm.analytics.alerts;

public enum AlertStatus {
    OPEN, ACKNOWLEDGED, SNOOZED, RESOLVED
}
