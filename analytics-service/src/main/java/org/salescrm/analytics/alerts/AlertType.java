package org.salescrm.analytics.alerts;

public enum AlertType {
    STALLED_OPPORTUNITY, CHURN_RISK, RECLAIM_WARNING, OVERDUE_RECEIVABLE
}
