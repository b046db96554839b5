-- Alerts raised by the stall and churn rules. One alert at most is not RESOLVED per type and
-- subject: the partial unique index makes a second concurrent raise fail instead of duplicating.
CREATE TABLE alert (
    id              UUID PRIMARY KEY,
    version         BIGINT      NOT NULL,
    type            TEXT        NOT NULL,
    subject_id      UUID        NOT NULL,
    customer_id     UUID        NOT NULL,
    owner_id        TEXT,
    owner_team      TEXT,
    severity        TEXT        NOT NULL,
    reasons         TEXT        NOT NULL,
    score           INTEGER,
    status          TEXT        NOT NULL,
    escalated       BOOLEAN     NOT NULL DEFAULT FALSE,
    raised_at       TIMESTAMPTZ NOT NULL,
    open_since      TIMESTAMPTZ NOT NULL,
    resolved_at     TIMESTAMPTZ,
    resolution      TEXT,
    acknowledged_at TIMESTAMPTZ,
    acknowledged_by TEXT,
    note            TEXT,
    snoozed_until   TIMESTAMPTZ,
    snooze_reason   TEXT,
    snoozed_by      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT alert_type CHECK (type IN ('STALLED_OPPORTUNITY', 'CHURN_RISK')),
    CONSTRAINT alert_status CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'SNOOZED', 'RESOLVED')),
    CONSTRAINT alert_severity CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH'))
);
CREATE UNIQUE INDEX alert_one_unresolved ON alert (type, subject_id) WHERE status <> 'RESOLVED';
CREATE INDEX alert_list ON alert (raised_at DESC, id DESC);
CREATE INDEX alert_customer ON alert (customer_id);
