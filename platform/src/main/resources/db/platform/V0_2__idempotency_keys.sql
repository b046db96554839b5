-- Creates retried by offline clients: the first request's key remembers what it created.
CREATE TABLE idempotency_key (
    caller_id       TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    resource_type   TEXT        NOT NULL,
    resource_id     UUID        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (caller_id, idempotency_key)
);
CREATE INDEX idempotency_key_age ON idempotency_key (created_at);
