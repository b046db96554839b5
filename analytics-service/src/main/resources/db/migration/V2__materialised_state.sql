-- Materialised state from crm.customers, crm.opportunities, crm.visits and crm.follow-ups.
-- Facts carry the aggregate version they were last written at: an upsert only applies a newer
-- version, so a late or redelivered older event never overwrites newer state. Derived per-customer
-- columns are recomputed from the detail tables, so they do not depend on arrival order either.

ALTER TABLE customer_fact
    ADD COLUMN won_deals              INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN lost_opportunities     INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN last_lost_at           TIMESTAMPTZ,
    ADD COLUMN last_visit_at          TIMESTAMPTZ,
    ADD COLUMN open_follow_ups        INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN overdue_follow_ups     INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN active_decision_makers INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN decision_maker_left_at TIMESTAMPTZ;

CREATE TABLE opportunity_fact (
    opportunity_id      UUID PRIMARY KEY,
    customer_id         UUID          NOT NULL,
    name                TEXT,
    stage               TEXT          NOT NULL,
    status              TEXT          NOT NULL,
    stage_entered_at    TIMESTAMPTZ   NOT NULL,
    last_activity_at    TIMESTAMPTZ   NOT NULL,
    amount              NUMERIC(19, 2) NOT NULL DEFAULT 0,
    currency            TEXT,
    product_line        TEXT,
    expected_close_date DATE,
    probability         INTEGER       NOT NULL DEFAULT 0,
    owner_id            TEXT,
    owner_team          TEXT,
    opened_at           TIMESTAMPTZ   NOT NULL,
    won_at              TIMESTAMPTZ,
    won_on              DATE,
    lost_at             TIMESTAMPTZ,
    aggregate_version   BIGINT        NOT NULL
);
CREATE INDEX opportunity_fact_customer ON opportunity_fact (customer_id);
CREATE INDEX opportunity_fact_open ON opportunity_fact (stage) WHERE status = 'OPEN';

-- Every move of an opportunity, opening (from_stage NULL, to TARGET) and losing (to LOST) included.
-- A stay in a stage runs from its row to the next row of the same opportunity by version.
CREATE TABLE stage_transition (
    opportunity_id    UUID        NOT NULL,
    aggregate_version BIGINT      NOT NULL,
    from_stage        TEXT,
    to_stage          TEXT        NOT NULL,
    backward          BOOLEAN     NOT NULL DEFAULT FALSE,
    occurred_at       TIMESTAMPTZ NOT NULL,
    owner_id          TEXT,
    owner_team        TEXT,
    PRIMARY KEY (opportunity_id, aggregate_version)
);
CREATE INDEX stage_transition_stage ON stage_transition (to_stage, occurred_at);

CREATE TABLE visit_fact (
    visit_id          UUID PRIMARY KEY,
    customer_id       UUID        NOT NULL,
    opportunity_id    UUID,
    owner_id          TEXT,
    owner_team        TEXT,
    occurred_at       TIMESTAMPTZ NOT NULL,
    sentiment         TEXT,
    effective         BOOLEAN     NOT NULL,
    aggregate_version BIGINT      NOT NULL
);
CREATE INDEX visit_fact_customer ON visit_fact (customer_id, occurred_at);
CREATE INDEX visit_fact_opportunity ON visit_fact (opportunity_id) WHERE opportunity_id IS NOT NULL;

CREATE TABLE follow_up_fact (
    follow_up_id      UUID PRIMARY KEY,
    customer_id       UUID        NOT NULL,
    opportunity_id    UUID,
    owner_id          TEXT,
    owner_team        TEXT,
    assignee_id       TEXT,
    due_on            DATE,
    status            TEXT        NOT NULL,
    completed_at      TIMESTAMPTZ,
    overdue_since     TIMESTAMPTZ,
    aggregate_version BIGINT      NOT NULL
);
CREATE INDEX follow_up_fact_customer ON follow_up_fact (customer_id);

CREATE TABLE key_person_fact (
    key_person_id     UUID PRIMARY KEY,
    customer_id       UUID    NOT NULL,
    kp_type           TEXT,
    active            BOOLEAN NOT NULL,
    left_at           TIMESTAMPTZ,
    aggregate_version BIGINT  NOT NULL
);
CREATE INDEX key_person_fact_customer ON key_person_fact (customer_id);

ALTER TABLE rep_activity
    ADD COLUMN visits           INTEGER        NOT NULL DEFAULT 0,
    ADD COLUMN effective_visits INTEGER        NOT NULL DEFAULT 0,
    ADD COLUMN won_deals        INTEGER        NOT NULL DEFAULT 0,
    ADD COLUMN won_amount       NUMERIC(19, 2) NOT NULL DEFAULT 0;
