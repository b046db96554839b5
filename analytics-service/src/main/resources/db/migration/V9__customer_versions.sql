-- Every state of a customer's grade and owner, one row per aggregate version of the events that carry the
-- profile (created, updated, owner changed): the figures read the state at a period's start and at its end
-- (retained customers, B/C -> A conversion). Filled as events are consumed; a replay fills it for the past.
CREATE TABLE customer_version (
    customer_id       UUID        NOT NULL,
    aggregate_version BIGINT      NOT NULL,
    occurred_at       TIMESTAMPTZ NOT NULL,
    grade             CHAR(1)     NOT NULL,
    owner_id          TEXT,
    owner_team        TEXT,
    PRIMARY KEY (customer_id, aggregate_version)
);
CREATE INDEX customer_version_at ON customer_version (occurred_at);
