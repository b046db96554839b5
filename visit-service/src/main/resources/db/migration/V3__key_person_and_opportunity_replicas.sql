-- Key persons kept from crm.customers: a visit may name only active key persons of its customer.
CREATE TABLE key_person_replica (
    key_person_id     UUID PRIMARY KEY,
    customer_id       UUID    NOT NULL,
    name              TEXT,
    active            BOOLEAN NOT NULL,
    aggregate_version BIGINT  NOT NULL
);
CREATE INDEX key_person_replica_customer ON key_person_replica (customer_id);

-- Opportunities kept from crm.opportunities: a visit may name only an OPEN opportunity of its customer.
CREATE TABLE opportunity_replica (
    opportunity_id    UUID PRIMARY KEY,
    customer_id       UUID   NOT NULL,
    status            TEXT   NOT NULL,
    aggregate_version BIGINT NOT NULL
);
CREATE INDEX opportunity_replica_customer ON opportunity_replica (customer_id);

-- An open follow-up moves with its customer; in the public pool it has neither owner nor assignee.
ALTER TABLE follow_up ALTER COLUMN assignee_id DROP NOT NULL;
ALTER TABLE follow_up ALTER COLUMN owner_id DROP NOT NULL;

-- Every write of a daily plan: what it held before and after, by whom, and why for a past day.
CREATE TABLE visit_plan_change (
    id                  UUID PRIMARY KEY,
    plan_id             UUID        NOT NULL REFERENCES visit_plan (id),
    plan_version        BIGINT      NOT NULL,
    changed_at          TIMESTAMPTZ NOT NULL,
    changed_by          TEXT        NOT NULL,
    from_customer_ids   TEXT,
    to_customer_ids     TEXT        NOT NULL,
    correction          BOOLEAN     NOT NULL,
    reason              TEXT
);
CREATE INDEX visit_plan_change_plan ON visit_plan_change (plan_id, changed_at);
