-- The money road of a deal: quotes (报价) on an opportunity, the contract (合同) of a won one with its
-- payment plan, and the payments (回款) recorded against each instalment.

-- A quote is never changed once given: a new price is a new quote, numbered 1, 2, … per opportunity.
CREATE TABLE quote (
    id             UUID PRIMARY KEY,
    opportunity_id UUID           NOT NULL REFERENCES opportunity (id),
    customer_id    UUID           NOT NULL REFERENCES customer (id),
    version        BIGINT         NOT NULL CHECK (version >= 1),
    total          NUMERIC(18, 2) NOT NULL CHECK (total >= 0),
    currency       TEXT           NOT NULL,
    accepted       BOOLEAN        NOT NULL,
    issued_by      TEXT           NOT NULL,
    created_at     TIMESTAMPTZ    NOT NULL,
    UNIQUE (opportunity_id, version)
);

CREATE TABLE quote_line (
    id           UUID PRIMARY KEY,
    quote_id     UUID           NOT NULL REFERENCES quote (id),
    line_no      INTEGER        NOT NULL,
    product_line TEXT           NOT NULL,
    quantity     NUMERIC(18, 2) NOT NULL CHECK (quantity > 0),
    unit_price   NUMERIC(18, 2) NOT NULL CHECK (unit_price >= 0),
    discount     NUMERIC(5, 4)  NOT NULL CHECK (discount >= 0 AND discount <= 1),
    amount       NUMERIC(18, 2) NOT NULL CHECK (amount >= 0),
    UNIQUE (quote_id, line_no)
);

-- One contract per deal; its owner is the one who won the deal (a won deal keeps its owner).
CREATE TABLE contract (
    id             UUID PRIMARY KEY,
    opportunity_id UUID           NOT NULL UNIQUE REFERENCES opportunity (id),
    customer_id    UUID           NOT NULL REFERENCES customer (id),
    number         TEXT           NOT NULL UNIQUE,
    signed_on      DATE           NOT NULL,
    amount         NUMERIC(18, 2) NOT NULL CHECK (amount > 0),
    currency       TEXT           NOT NULL,
    terms          TEXT,
    owner_id       TEXT,
    owner_team     TEXT,
    created_by     TEXT           NOT NULL,
    created_at     TIMESTAMPTZ    NOT NULL,
    updated_at     TIMESTAMPTZ    NOT NULL,
    version        BIGINT         NOT NULL
);
CREATE INDEX contract_owner ON contract (owner_id);
CREATE INDEX contract_team ON contract (owner_team);
CREATE INDEX contract_customer ON contract (customer_id);

CREATE TABLE instalment (
    id          UUID PRIMARY KEY,
    contract_id UUID           NOT NULL REFERENCES contract (id),
    instalment_no INTEGER      NOT NULL,
    due_on      DATE           NOT NULL,
    amount      NUMERIC(18, 2) NOT NULL CHECK (amount > 0),
    collected   NUMERIC(18, 2) NOT NULL CHECK (collected >= 0 AND collected <= amount),
    UNIQUE (contract_id, instalment_no)
);
-- The receivables report reads the unpaid ones by due date.
CREATE INDEX instalment_unpaid ON instalment (due_on) WHERE collected < amount;

CREATE TABLE payment (
    id            UUID PRIMARY KEY,
    contract_id   UUID           NOT NULL REFERENCES contract (id),
    instalment_id UUID           NOT NULL REFERENCES instalment (id),
    received_on   DATE           NOT NULL,
    amount        NUMERIC(18, 2) NOT NULL CHECK (amount > 0),
    recorded_by   TEXT           NOT NULL,
    created_at    TIMESTAMPTZ    NOT NULL
);
CREATE INDEX payment_contract ON payment (contract_id, created_at, id);
