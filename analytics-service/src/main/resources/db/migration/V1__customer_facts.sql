-- Customers as analytics knows them, kept from crm.customers.
CREATE TABLE customer_fact (
    customer_id       UUID PRIMARY KEY,
    name              TEXT        NOT NULL,
    grade             CHAR(1)     NOT NULL,
    owner_id          TEXT,
    owner_team        TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    aggregate_version BIGINT      NOT NULL
);

-- What each rep did per business day; counters, so only the processed-event guard keeps them exact.
CREATE TABLE rep_activity (
    owner_id      TEXT    NOT NULL,
    day           DATE    NOT NULL,
    owner_team    TEXT,
    new_customers INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, day)
);
