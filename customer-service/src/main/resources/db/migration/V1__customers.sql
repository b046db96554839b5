CREATE TABLE customer (
    id              UUID PRIMARY KEY,
    name            TEXT        NOT NULL,
    normalized_name TEXT        NOT NULL,
    industry        TEXT,
    region          TEXT,
    scale           TEXT,
    source          TEXT,
    phone           TEXT,
    credit_code     TEXT,
    address         TEXT,
    grade           CHAR(1)     NOT NULL CHECK (grade IN ('A', 'B', 'C')),
    owner_id        TEXT,
    owner_team      TEXT,
    last_contact_at TIMESTAMPTZ,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    deleted_at      TIMESTAMPTZ,
    version         BIGINT      NOT NULL
);
-- Two reps never work one company unknowingly: these hold even when two creates race.
CREATE UNIQUE INDEX customer_unique_name ON customer (normalized_name) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX customer_unique_credit_code ON customer (credit_code) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX customer_unique_phone ON customer (phone) WHERE deleted_at IS NULL;
CREATE INDEX customer_owner ON customer (owner_id);
CREATE INDEX customer_team ON customer (owner_team);
