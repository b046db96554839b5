-- The latest CustomerReclaimWarning of each customer: whom it warned, when, and the day it returns to the pool.
ALTER TABLE customer_fact
    ADD COLUMN reclaim_warned_at    TIMESTAMPTZ,
    ADD COLUMN reclaim_warned_owner TEXT,
    ADD COLUMN reclaim_on           DATE,
    ADD COLUMN reclaim_days_silent  INTEGER;

ALTER TABLE alert DROP CONSTRAINT alert_type;
ALTER TABLE alert ADD CONSTRAINT alert_type CHECK (type IN ('STALLED_OPPORTUNITY', 'CHURN_RISK', 'RECLAIM_WARNING'));
CREATE INDEX alert_severity_escalated ON alert (severity, escalated);
