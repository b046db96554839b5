-- Webhook subscriptions: where alert changes are POSTed. Soft-deleted, so the delivery log keeps its subscription.
CREATE TABLE webhook_subscription (
    id         UUID        PRIMARY KEY,
    url        TEXT        NOT NULL,
    -- The receiver verifies our HMAC with it, so it is kept as given; it never leaves through the API.
    secret     TEXT        NOT NULL,
    -- Empty: every team's alerts (only an admin may subscribe so).
    teams      TEXT[]      NOT NULL,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version    BIGINT      NOT NULL,
    deleted_at TIMESTAMPTZ,
    deleted_by TEXT
);
CREATE INDEX webhook_subscription_active ON webhook_subscription (created_at) WHERE deleted_at IS NULL;

-- One row per subscription and alert event: the unique key makes a redelivered event enqueue nothing.
CREATE TABLE webhook_delivery (
    id               UUID        PRIMARY KEY,
    subscription_id  UUID        NOT NULL REFERENCES webhook_subscription (id),
    event_id         UUID        NOT NULL,
    event_type       TEXT        NOT NULL,
    -- The exact body sent on every attempt, so each attempt carries the same signature.
    payload          TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
    attempts         INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    last_status_code INTEGER,
    last_error       TEXT,
    delivered_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (subscription_id, event_id)
);
-- The dispatcher only ever scans what is due.
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, created_at DESC, id DESC);

-- Every attempt, successful or not, for the delivery log.
CREATE TABLE webhook_delivery_attempt (
    delivery_id  UUID        NOT NULL REFERENCES webhook_delivery (id),
    attempt      INTEGER     NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL,
    status_code  INTEGER,
    error        TEXT,
    duration_ms  BIGINT      NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
