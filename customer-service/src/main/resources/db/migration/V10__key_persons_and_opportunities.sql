-- Key persons and opportunities hang off a customer; their visibility follows the customer's owner.
CREATE TABLE key_person (
    id            UUID PRIMARY KEY,
    customer_id   UUID        NOT NULL REFERENCES customer (id),
    name          TEXT        NOT NULL,
    title         TEXT,
    department    TEXT,
    phone         TEXT,
    email         TEXT,
    kp_type       TEXT CHECK (kp_type IN ('DECISION_MAKER', 'RECOMMENDER', 'FACILITATOR', 'OTHER')),
    buying_role   TEXT CHECK (buying_role IN ('ECONOMIC_BUYER', 'TECHNICAL_BUYER', 'USER', 'COACH')),
    attitude      TEXT CHECK (attitude IN ('SUPPORTER', 'NEUTRAL', 'OPPONENT')),
    reports_to_id UUID REFERENCES key_person (id),
    active        BOOLEAN     NOT NULL,
    left_on       DATE,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL
);
CREATE INDEX key_person_customer ON key_person (customer_id, created_at, id);

CREATE TABLE opportunity (
    id                  UUID PRIMARY KEY,
    customer_id         UUID           NOT NULL REFERENCES customer (id),
    name                TEXT           NOT NULL,
    amount              NUMERIC(18, 2) NOT NULL CHECK (amount >= 0),
    currency            TEXT           NOT NULL,
    product_line        TEXT,
    expected_close_date DATE           NOT NULL,
    opened_on           DATE           NOT NULL,
    stage               TEXT           NOT NULL CHECK (stage IN ('TARGET', 'POTENTIAL', 'INTENT', 'PROJECT',
                                                                 'ACKNOWLEDGED', 'NEGOTIATION', 'WON')),
    status              TEXT           NOT NULL CHECK (status IN ('OPEN', 'WON', 'LOST')),
    probability         INTEGER        NOT NULL,
    stage_entered_at    TIMESTAMPTZ    NOT NULL,
    budget              NUMERIC(18, 2) CHECK (budget >= 0),
    quote_amount        NUMERIC(18, 2) CHECK (quote_amount >= 0),
    contract_signed_on  DATE,
    first_payment_on    DATE,
    lost_reason         TEXT,
    closed_at           TIMESTAMPTZ,
    owner_id            TEXT,
    owner_team          TEXT,
    created_by          TEXT           NOT NULL,
    created_at          TIMESTAMPTZ    NOT NULL,
    updated_at          TIMESTAMPTZ    NOT NULL,
    version             BIGINT         NOT NULL
);
CREATE INDEX opportunity_customer_status ON opportunity (customer_id, status);
CREATE INDEX opportunity_owner ON opportunity (owner_id);
CREATE INDEX opportunity_team ON opportunity (owner_team);
CREATE INDEX opportunity_created ON opportunity (created_at, id);

-- Every move through the funnel, including the opening (from_stage NULL) and the loss (to_stage LOST).
CREATE TABLE opportunity_stage_change (
    id             UUID PRIMARY KEY,
    opportunity_id UUID        NOT NULL REFERENCES opportunity (id),
    from_stage     TEXT,
    to_stage       TEXT        NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL,
    changed_by     TEXT        NOT NULL,
    reason         TEXT,
    recorded_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX opportunity_stage_change_opportunity ON opportunity_stage_change (opportunity_id, occurred_at, recorded_at);

-- Who changed which field of an opportunity from what to what.
CREATE TABLE opportunity_field_change (
    id             UUID PRIMARY KEY,
    opportunity_id UUID        NOT NULL REFERENCES opportunity (id),
    field          TEXT        NOT NULL,
    old_value      TEXT,
    new_value      TEXT,
    changed_by     TEXT        NOT NULL,
    changed_at     TIMESTAMPTZ NOT NULL,
    version        BIGINT      NOT NULL
);
CREATE INDEX opportunity_field_change_opportunity ON opportunity_field_change (opportunity_id, changed_at, id);
