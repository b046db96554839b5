-- An owner-changed event from an older producer may lack the name; the owner is what matters here.
ALTER TABLE customer_replica ALTER COLUMN name DROP NOT NULL;

-- Visits as logged; nothing is ever deleted, corrections are kept in visit_correction.
CREATE TABLE visit (
    id                  UUID PRIMARY KEY,
    client_id           UUID,
    logged_by           TEXT        NOT NULL,
    customer_id         UUID        NOT NULL,
    opportunity_id      UUID,
    -- the customer's owner and team when the visit was logged
    owner_id            TEXT        NOT NULL,
    owner_team          TEXT,
    method              TEXT        NOT NULL,
    occurred_at         TIMESTAMPTZ NOT NULL,
    logged_at           TIMESTAMPTZ NOT NULL,
    key_person_ids      TEXT        NOT NULL DEFAULT '',
    purpose             TEXT,
    purpose_achieved    BOOLEAN,
    duration_minutes    INTEGER,
    summary             TEXT        NOT NULL,
    customer_feedback   TEXT,
    needs               TEXT,
    sentiment           TEXT,
    competitor_info     TEXT,
    location_lat        DOUBLE PRECISION,
    location_lon        DOUBLE PRECISION,
    location_accuracy   DOUBLE PRECISION,
    location_address    TEXT,
    next_action         TEXT,
    next_action_due_on  DATE,
    follow_up_id        UUID,
    effective           BOOLEAN     NOT NULL,
    late_entry          BOOLEAN     NOT NULL,
    version             BIGINT      NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
-- An offline client's retry of one visit, even racing the first attempt, cannot store it twice.
CREATE UNIQUE INDEX visit_client_id ON visit (logged_by, client_id) WHERE client_id IS NOT NULL;
CREATE INDEX visit_customer ON visit (customer_id, occurred_at);
CREATE INDEX visit_owner_day ON visit (owner_id, occurred_at);

-- Every corrected field of a visit, with the text it had before.
CREATE TABLE visit_correction (
    id            UUID PRIMARY KEY,
    visit_id      UUID        NOT NULL REFERENCES visit (id),
    visit_version BIGINT      NOT NULL,
    changed_at    TIMESTAMPTZ NOT NULL,
    changed_by    TEXT        NOT NULL,
    field         TEXT        NOT NULL,
    from_value    TEXT,
    to_value      TEXT
);
CREATE INDEX visit_correction_visit ON visit_correction (visit_id, changed_at);

CREATE TABLE follow_up (
    id                    UUID PRIMARY KEY,
    customer_id           UUID        NOT NULL,
    opportunity_id        UUID,
    visit_id              UUID REFERENCES visit (id),
    assignee_id           TEXT        NOT NULL,
    owner_id              TEXT        NOT NULL,
    owner_team            TEXT,
    action                TEXT        NOT NULL,
    due_on                DATE        NOT NULL,
    status                TEXT        NOT NULL,
    result                TEXT,
    completed_at          TIMESTAMPTZ,
    completed_by          TEXT,
    -- set in the transaction that wrote the FollowUpOverdue event: the event goes out once
    overdue_published_at  TIMESTAMPTZ,
    created_by            TEXT        NOT NULL,
    version               BIGINT      NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX follow_up_due ON follow_up (due_on) WHERE status = 'OPEN';
CREATE INDEX follow_up_customer ON follow_up (customer_id);
CREATE INDEX follow_up_assignee ON follow_up (assignee_id);

-- One plan per rep and business day.
CREATE TABLE visit_plan (
    id            UUID PRIMARY KEY,
    owner_id      TEXT        NOT NULL,
    owner_team    TEXT,
    day           DATE        NOT NULL,
    customer_ids  TEXT        NOT NULL,
    version       BIGINT      NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (owner_id, day)
);
