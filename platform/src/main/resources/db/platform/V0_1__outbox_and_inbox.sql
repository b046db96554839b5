-- Shared by every service: events waiting to be published, and events already consumed.
CREATE TABLE outbox_event (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    UUID        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    type        TEXT        NOT NULL,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    sent_at     TIMESTAMPTZ,
    -- Set when Kafka refuses the record for good (too large, bad topic): kept for an operator, not retried.
    parked_at   TIMESTAMPTZ,
    park_reason TEXT
);
-- The relay only ever scans what is still pending.
CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE sent_at IS NULL AND parked_at IS NULL;

CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
