-- A review (复盘) of a team or a rep for a period: the manager's reasons for misses, the rep's answer.
-- Its figures are computed when read, from the facts and the opportunity replica.
CREATE TABLE review (
    id            UUID PRIMARY KEY,
    scope_level   TEXT        NOT NULL,
    scope_id      TEXT        NOT NULL,
    period        TEXT        NOT NULL,
    -- the reviewed rep (REP reviews), so that they read their own; null for a team's
    owner_id      TEXT,
    owner_team    TEXT        NOT NULL,
    miss_reasons  TEXT,
    rep_answer    TEXT,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL,
    UNIQUE (scope_level, scope_id, period)
);
CREATE INDEX review_team ON review (owner_team, created_at);

-- The manager's improvement actions; one assigned as a follow-up gives the follow-up its id.
CREATE TABLE review_action (
    id             UUID PRIMARY KEY,
    review_id      UUID        NOT NULL REFERENCES review (id),
    position       INTEGER     NOT NULL,
    action         TEXT        NOT NULL,
    owner_id       TEXT        NOT NULL,
    due_on         DATE        NOT NULL,
    as_follow_up   BOOLEAN     NOT NULL,
    customer_id    UUID,
    opportunity_id UUID,
    status         TEXT        NOT NULL,
    done_at        TIMESTAMPTZ,
    result         TEXT,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX review_action_review ON review_action (review_id, position);
